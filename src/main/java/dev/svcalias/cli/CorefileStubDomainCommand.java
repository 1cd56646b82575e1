package dev.svcalias.cli;

import dev.svcalias.corefile.Corefiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stub-domain", mixinStandardHelpOptions = true,
        description = "Add (or re-point) the kube-dns server block that forwards ZONE to istiocoredns.")
final class CorefileStubDomainCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--domain", required = true, paramLabel = "ZONE", description = "The zone, e.g. internal.")
    String domain;

    @Option(names = "--forward-to", required = true, paramLabel = "IP", description = "istiocoredns's ClusterIP.")
    String forwardTo;

    @Mixin CorefileInput input;

    CorefileStubDomainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OfflineArguments.zone(domain);
        String ip = OfflineArguments.ip(forwardTo);
        CorefileText in = input.read(context);
        String zone = OfflineArguments.zone(domain, input, in.text());
        OfflineArguments.inFile(input, () -> Corefiles.overlaps(in.text(), zone)).forEach(context::warn);
        CorefileInput.write(context, in, OfflineArguments.inFile(input, () -> Corefiles.addStubDomain(in.text(),
                zone, ip)));
        return 0;
    }
}
