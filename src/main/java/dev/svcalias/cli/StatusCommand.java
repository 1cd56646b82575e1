package dev.svcalias.cli;

import dev.svcalias.app.usecase.StatusUseCase;
import dev.svcalias.cli.render.StatusResultRenderer;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what svcalias configured: zones, CoreDNS versions, aliases, and any problems.")
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin LayoutOptions layout;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var where = layout.layout();
        try (Cluster c = context.connect()) {
            Printer.print(new StatusResultRenderer(new StatusUseCase(c).run(where)), context.format(), context.style(), context.out);
        }
        return 0;
    }
}
