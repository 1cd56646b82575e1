package dev.svcalias.cli;

import dev.svcalias.app.StatusUseCase;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what svcalias configured: zones, CoreDNS versions, aliases, and any problems.")
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin ClusterOptions cluster;
    @Mixin LayoutOptions layout;
    @Mixin OutputOptions output;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Cluster c = context.connector.connect(cluster.kubeconfig, cluster.context)) {
            Printer.print(new StatusUseCase(c).run(layout.layout()), output.format, context.style(), context.out);
        }
        return 0;
    }
}
