package dev.svcalias.cli;

import dev.svcalias.corefile.Corefiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Exit 0 when the Corefile parses and its plugins would load in CoreDNS (no unknown plugin, no "
                + "once-per-block plugin twice); otherwise print 'FILE: line L, column C: problem' and exit 2.")
final class CorefileCheckCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin CorefileInput input;

    CorefileCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CorefileText in = input.read(context);
        OfflineArguments.inFile(input, () -> Corefiles.checkLoadable(in.text()));
        return 0;
    }
}
