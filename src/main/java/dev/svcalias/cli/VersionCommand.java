package dev.svcalias.cli;

import dev.svcalias.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print the version, the git commit it was built from, the build date and the Java runtime "
                + "(-o json for scripts). Needs no cluster.")
final class VersionCommand implements Callable<Integer> {
    private final CliContext context;

    VersionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Printer.print(BuildInfo.load(), context.format(), context.style(), context.out);
        return 0;
    }
}
