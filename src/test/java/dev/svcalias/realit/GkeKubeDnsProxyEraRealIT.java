package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.testbed.RealCluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * GKE kube-dns in front of Istio 1.1-1.3's istiocoredns (CoreDNS 1.1.2, proxy): dnsmasq only forwards, so AAAA
 * for an alias reaches istiocoredns, whose Istio plugin says NXDOMAIN. 1.1.2's template plugin cannot answer with
 * the SOA in the authority section alone, but takes it with the SOA also in the additional section; this runs
 * GkeKubeDnsRealIT's scenario against the real 1.1.2 build to show that svcalias's route then answers AAAA with
 * NOERROR and no records through the real dnsmasq, and that init no longer warns.
 */
class GkeKubeDnsProxyEraRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.ISTIOCOREDNS_ERA, RealCluster.Era.PROXY);

    @TempDir
    Path dir;

    @Test
    void aaaaIsNoErrorThroughDnsmasqWithCoreDns112() {
        GkeKubeDnsRealIT.roundTrip(CLUSTER, dir, new DnsjavaClient(Duration.ofSeconds(2)));
        assertThat(CLUSTER.logs()).doesNotContain("no answer section for template found");
    }
}
