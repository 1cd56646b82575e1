package dev.svcalias.cli;

import dev.svcalias.app.usecase.AliasListResult;
import dev.svcalias.cli.render.AliasListResultRenderer;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List aliases: target, address, namespace, and whether the address still equals the "
                + "target's ClusterIP.")
final class AliasListCommand implements Callable<Integer> {
    private final CliContext context;


    AliasListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Cluster c = context.connect()) {
            Printer.print(new AliasListResultRenderer(AliasListResult.load(c)), context.format(), context.style(), context.out);
        }
        return 0;
    }
}
