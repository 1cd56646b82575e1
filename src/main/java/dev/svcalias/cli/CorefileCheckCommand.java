package dev.svcalias.cli;

import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.Corefile;
import dev.svcalias.corefile.Corefiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Exit 0 when the Corefile parses and its plugins would load in CoreDNS (no unknown plugin or "
                + "plugin property, no once-per-block plugin twice, no empty zone label; with --coredns-version, "
                + "for that release); otherwise print 'FILE: line L, column C: problem' and exit 2. Braces CoreDNS "
                + "accepts but that may not say what was meant get a warning (svcalias does not edit such a file).")
final class CorefileCheckCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--coredns-version", paramLabel = "VERSION",
            description = "Check against this CoreDNS release's plugins and properties (e.g. 1.6.2); default: "
                    + "refuse only what every release refuses.")
    String corednsVersion;

    @Mixin CorefileInput input;

    CorefileCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CoreDnsVersion version = corednsVersion == null ? null : OfflineArguments.version(corednsVersion);
        CorefileText in = input.read(context);
        Corefile corefile = OfflineArguments.inFile(input, () -> Corefiles.checkLoadable(in.text(), version));
        Corefiles.leniencies(corefile).forEach(w -> context.warn(input.name() + ": " + w));
        return 0;
    }
}
