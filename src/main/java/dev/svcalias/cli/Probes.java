package dev.svcalias.cli;

import dev.svcalias.app.probe.DirectDnsProbe;
import dev.svcalias.app.probe.DnsProbe;
import dev.svcalias.app.probe.PodDnsProbe;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.error.SvcaliasException;
import java.time.Duration;

/** The DNS probe verify and --wait use: --nameserver asked from this machine, or a probe pod asking kube-dns. */
final class Probes {
    private Probes() {}

    /** Checked before connecting: a malformed --nameserver is exit 2. */
    static Nameserver nameserver(String option, String text, String example) {
        try {
            return Nameserver.parse(text);
        } catch (IllegalArgumentException e) {
            throw SvcaliasException.usage(option + " " + e.getMessage(), "e.g. " + option + " " + example);
        }
    }

    /** {@code nameserver} null: a probe pod in {@code namespace} running {@code image}. */
    static DnsProbe of(CliContext context, Cluster c, ClusterLayout layout, String nameserver, String namespace,
                       String image, Duration limit) {
        if (nameserver != null) {
            return new DirectDnsProbe(context.dns, nameserver("--nameserver", nameserver, "10.96.0.10:53"));
        }
        return new PodDnsProbe(c.probePods(), namespace, image, kubeDnsIp(c, layout), podTimeout(limit));
    }

    static String kubeDnsIp(Cluster c, ClusterLayout l) {
        return c.services().service(l.kubeDnsNamespace(), l.kubeDnsService())
                .map(s -> s.clusterIP()).orElseThrow(() -> SvcaliasException.state("no Service "
                        + l.kubeDnsNamespace() + "/" + l.kubeDnsService() + " to send the probe's queries to",
                        "pass --nameserver HOST[:PORT]"));
    }

    static Duration podTimeout(Duration limit) {
        return limit.compareTo(Duration.ofMinutes(2)) < 0 ? limit : Duration.ofMinutes(2);
    }
}
