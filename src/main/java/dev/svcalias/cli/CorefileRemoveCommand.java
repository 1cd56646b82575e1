package dev.svcalias.cli;

import dev.svcalias.corefile.Corefiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Undo stub-domain or istio for ZONE, byte for byte.")
final class CorefileRemoveCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--domain", required = true, paramLabel = "ZONE", description = "The zone, e.g. internal.")
    String domain;

    @Mixin CorefileInput input;

    CorefileRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        dev.svcalias.naming.DomainRules.zoneToRemove(domain); // removing a public-suffix zone is allowed
        CorefileText in = input.read(context);
        String zone = OfflineArguments.zoneToRemove(domain, input, in.text());
        CorefileInput.write(context, in, OfflineArguments.inFile(input, () -> Corefiles.removeZone(in.text(), zone)));
        return 0;
    }
}
