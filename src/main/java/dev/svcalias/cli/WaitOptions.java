package dev.svcalias.cli;

import dev.svcalias.app.usecase.EffectWait;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.KubeNames;
import dev.svcalias.output.Spinner;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * --wait for init and alias add: after the write, the check verify --wait runs, until every CoreDNS replica answers
 * (ADR 0135). The probe is verify's: a probe pod, or --nameserver; --timeout parses as verify's does.
 */
final class WaitOptions {
    @Option(names = "--wait", description = "After the write, wait until every CoreDNS replica answers as intended "
            + "(the check of verify --wait); exit 3 if it does not within --timeout.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m",
            description = "How long --wait waits, e.g. 90s, 3m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", hidden = true)
    String interval;

    @Option(names = "--nameserver", paramLabel = "HOST[:PORT]",
            description = "With --wait, query this DNS server directly instead of from a probe pod.")
    String nameserver;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "busybox:1.36",
            description = "Image of --wait's probe pod; it needs sh and nslookup (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--probe-namespace", paramLabel = "NS", defaultValue = "default",
            description = "Namespace for --wait's probe pod (default: ${DEFAULT-VALUE}).")
    String probeNamespace;

    /** Everything checkable before connecting: --wait with --dry-run, the durations, the probe's options. */
    void validate(boolean dryRun) {
        if (wait && dryRun) {
            throw SvcaliasException.usage("--wait waits for a write to take effect, but --dry-run writes nothing",
                    "drop --wait or --dry-run");
        }
        if (Durations.parse("--interval", interval).isZero()) {
            throw SvcaliasException.usage("--interval 0s would query without a pause", "use e.g. --interval 5s");
        }
        Durations.parse("--timeout", timeout);
        KubeNames.namespace("--probe-namespace", probeNamespace);
        if (nameserver != null) {
            Probes.nameserver("--nameserver", nameserver, "10.96.0.10:53");
        }
    }

    /** The progress line: on stderr, and only on a terminal. */
    Spinner spinner(CliContext context) {
        return Spinner.start(context.err, wait && context.progressOnStderr());
    }

    EffectWait effectWait(CliContext context, Cluster c, ClusterLayout layout, Spinner spinner) {
        Duration limit = Durations.parse("--timeout", timeout);
        spinner.update("waiting for every CoreDNS replica to answer");
        return new EffectWait(Probes.of(context, c, layout, nameserver, probeNamespace, image, limit), limit,
                Durations.parse("--interval", interval),
                r -> spinner.update("waiting for every CoreDNS replica: " + r.failing()
                        + " alias(es) not answering yet"));
    }
}
