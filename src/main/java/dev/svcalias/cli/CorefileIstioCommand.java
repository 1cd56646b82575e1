package dev.svcalias.cli;

import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.Corefiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "istio", mixinStandardHelpOptions = true,
        description = "Add the istiocoredns server block that sends ZONE to the Istio plugin on 127.0.0.1:8053 "
                + "(grpc from CoreDNS 1.5.0, proxy before).")
final class CorefileIstioCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--domain", required = true, paramLabel = "ZONE", description = "The zone, e.g. internal.")
    String domain;

    @Option(names = "--coredns-version", required = true, paramLabel = "VERSION",
            description = "istiocoredns's CoreDNS version, e.g. 1.6.2.")
    String version;

    @Mixin CorefileInput input;

    CorefileIstioCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OfflineArguments.zone(domain);
        CoreDnsVersion v = OfflineArguments.version(version);
        CorefileText in = input.read(context);
        String zone = OfflineArguments.zone(domain, input, in.text());
        OfflineArguments.inFile(input, () -> Corefiles.overlaps(in.text(), zone)).forEach(context::warn);
        CorefileInput.write(context, in, OfflineArguments.inFile(input, () -> {
            Corefiles.checkPluginsAvailable(in.text(), v);
            return Corefiles.addIstioRoute(in.text(), zone, v);
        }));
        return 0;
    }
}
