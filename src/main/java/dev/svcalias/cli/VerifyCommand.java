package dev.svcalias.cli;

import dev.svcalias.app.probe.DirectDnsProbe;
import dev.svcalias.app.probe.DnsProbe;
import dev.svcalias.app.probe.PodDnsProbe;
import dev.svcalias.app.usecase.VerifyRequest;
import dev.svcalias.app.usecase.VerifyResult;
import dev.svcalias.app.usecase.VerifyUseCase;
import dev.svcalias.cli.render.VerifyResultRenderer;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.naming.KubeNames;
import dev.svcalias.output.Printer;
import dev.svcalias.output.Spinner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check that aliases resolve: the DNS chain in the Corefiles, then real A and AAAA queries "
                + "through kube-dns.",
                "By default the queries run in a short-lived pod (non-root, no service-account token, always "
                        + "deleted); --nameserver queries a server this machine can reach instead.",
                "Exit code 3 when an alias does not resolve as expected."})
final class VerifyCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Aliases to check (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--domain", paramLabel = "ZONE", description = "The zone (default: the one svcalias init set up).")
    String domain;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
            description = "Check the cluster against an alias file (see apply): drift, then DNS; - reads stdin.")
    String file;

    @Option(names = "--nameserver", paramLabel = "HOST[:PORT]",
            description = "Query this DNS server directly instead of from a pod (e.g. in-cluster CI jobs).")
    String nameserver;

    @Option(names = "--meshed", description = "istio mode: also resolve through the mesh's DNS proxy (what meshed "
            + "pods with DNS capture, or ambient pods, see), from a second probe pod that is meshed (a sidecar with "
            + "DNS capture, or ambient where ztunnel runs), or from --proxy-nameserver.")
    boolean meshed;

    @Option(names = "--proxy-nameserver", paramLabel = "HOST[:PORT]",
            description = "With --meshed, query this mesh DNS proxy instead of a meshed probe pod, e.g. a "
                    + "port-forward to a sidecar's 15053.")
    String proxyNameserver;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "busybox:1.36",
            description = "Image of the probe pod; it needs sh and nslookup (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--probe-namespace", paramLabel = "NS", defaultValue = "default",
            description = "Namespace for the probe pod (default: ${DEFAULT-VALUE}).")
    String probeNamespace;

    @Option(names = "--wait", description = "Retry until every alias passes or --timeout runs out.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m",
            description = "How long --wait keeps trying, e.g. 90s, 3m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", hidden = true)
    String interval;

    @Mixin LayoutOptions layout;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Duration limit = Durations.parse("--timeout", timeout);
        Duration every = Durations.parse("--interval", interval);
        validateInputs(every);
        if (file != null || Fleet.isFleet(context.root.cluster)) {
            return new VerifyFleet(context, this).run(limit, every);
        }
        try (Cluster c = context.connect();
             Spinner spinner = Spinner.start(context.err, wait && context.progressOnStderr())) {
            VerifyResult result = verifyAll(c, limit, every, spinner, meshedProbe(c, limit));
            spinner.close();
            Printer.print(new VerifyResultRenderer(result), context.format(), context.style(), context.out);
            return result.passed() ? 0 : ExitCode.VERIFY_FAILED.code();
        }
    }

    /** Everything checkable without the cluster, before any API call (issue 9, defect 10). */
    private void validateInputs(Duration every) {
        if (every.isZero()) {
            throw SvcaliasException.usage("--interval 0s would query without a pause", "use e.g. --interval 5s");
        }
        layout.layout();
        names.forEach(DomainRules::validateAliasName);
        if (domain != null) {
            DomainRules.validateZone(domain);
        }
        KubeNames.namespace("--probe-namespace", probeNamespace);
        if (nameserver != null) {
            Probes.nameserver("--nameserver", nameserver, "10.96.0.10:53");
        }
        if (proxyNameserver != null) {
            if (!meshed) {
                throw SvcaliasException.usage("--proxy-nameserver is only used with --meshed", "add --meshed");
            }
            proxyAddress();
        }
    }

    private Nameserver proxyAddress() {
        return Probes.nameserver("--proxy-nameserver", proxyNameserver, "127.0.0.1:15053");
    }

    VerifyResult verifyAll(Cluster c, Duration limit, Duration every, Spinner spinner, DnsProbe meshedProbe) {
        VerifyRequest request = new VerifyRequest(names, domain, wait, limit, every, layout.layout());
        return new VerifyUseCase(c, probe(c, limit), meshedProbe).run(request,
                r -> spinner.update("waiting: " + r.failing() + " alias(es) not resolving yet"));
    }

    /** --meshed: the mesh's DNS proxy at --proxy-nameserver, or a meshed probe pod; null without --meshed. */
    DnsProbe meshedProbe(Cluster c, Duration limit) {
        if (!meshed) {
            return null;
        }
        if (proxyNameserver != null) {
            return new DirectDnsProbe(context.dns, proxyAddress());
        }
        return PodDnsProbe.meshed(c, layout.layout(), probeNamespace, image, Probes.kubeDnsIp(c, layout.layout()),
                Probes.podTimeout(limit));
    }

    DnsProbe probe(Cluster c, Duration limit) {
        return Probes.of(context, c, layout.layout(), nameserver, probeNamespace, image, limit);
    }
}
