package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.platform.StubDomainsJson;
import dev.svcalias.testbed.DnsmasqNanny;
import dev.svcalias.testbed.DnsmasqProcess;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * GKE with kube-dns: svcalias writes the zone into kube-system/kube-dns's stubDomains (validated by the real API
 * server); Debian's real dnsmasq then runs with the flags dnsmasq-nanny derives from that ConfigMap
 * ({@link DnsmasqNanny}) and answers the alias through istiocoredns. dnsmasq must be installed
 * ({@code apt-get install -y dnsmasq-base}, as .ci/run does); without it this test fails, it does not skip.
 */
class GkeKubeDnsRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    @TempDir
    Path dir;

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofSeconds(2));

    @Test
    void aliasResolvesThroughDnsmasqStartedFromTheStubDomains() {
        roundTrip(CLUSTER, dir, dns);
    }

    /** The scenario, for either istiocoredns era (GkeKubeDnsProxyEraRealIT runs it with CoreDNS 1.1.2). */
    static void roundTrip(RealCluster CLUSTER, Path dir, DnsjavaClient dns) {
        assertThat(DnsmasqProcess.installed()).as("dnsmasq-base is installed (see .ci/run)").isTrue();
        new PlatformSeeds(CLUSTER.client()).gke(false);
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        String before = CLUSTER.client().configMaps().inNamespace("kube-system").withName("kube-dns").get()
                .getData().get("stubDomains");

        CliRun status = CliRun.run("status", kc);
        assertThat(status.out()).as(status.toString()).contains("Platform:       gke");
        CliRun init = CliRun.run("init", "--domain", "svc.example", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.err()).as("both istiocoredns eras answer AAAA").doesNotContain("no AAAA answer");
        assertThat(CLUSTER.corefile("istio-system")).contains("template IN AAAA svc.example {");
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        Map<String, String> data = CLUSTER.client().configMaps().inNamespace("kube-system").withName("kube-dns")
                .get().getData();
        List<String> upstreams = new ArrayList<>(StubDomainsJson.entries("{\"u\": " + data.get("upstreamNameservers")
                .trim() + "}").get("u"));
        List<String> nanny = DnsmasqNanny.flags(StubDomainsJson.entries(data.get("stubDomains")), upstreams);
        assertThat(nanny).containsSubsequence("--server", "/acme.local/1.2.3.4", "--server",
                "/svc.example/" + RealCluster.ISTIOCOREDNS_IP, "--server", "8.8.8.8", "--server", "8.8.4.4",
                "--no-resolv");

        // the Deployment's own flag (kubedns on 127.0.0.1#10053: here the testbed's kube-dns), then the nanny's;
        // the testbed's kube-proxy: ClusterIPs to the loopback port of their process, anything else to nowhere
        List<String> flags = new ArrayList<>(List.of("--server=/cluster.local/" + hash(CLUSTER.kubeDnsAddress())));
        for (String f : nanny) {
            flags.add(f.replace(RealCluster.ISTIOCOREDNS_IP, hash(CLUSTER.istiocorednsAddress()))
                    .replaceAll("^(/[^/]+/)?(?!127\\.)\\d+\\.\\d+\\.\\d+\\.\\d+$", "$1127.0.0.1#9")
                    .replace("/null", "/"));
        }
        try (DnsmasqProcess dnsmasq = new DnsmasqProcess(dir, flags)) {
            Nameserver ns = Nameserver.parse(dnsmasq.address());
            DnsAnswer a = RecipeScenarioRealIT.eventually(() -> dns.query("my-fruits.svc.example", RecordType.A, ns),
                    x -> x.addresses().contains(RealCluster.FRUITS_IP));
            assertThat(a.addresses()).as(dnsmasq.logTail() + CLUSTER.logs()).containsExactly(RealCluster.FRUITS_IP);
            DnsAnswer svc = dns.query("fruits-api-service.micro-shake-factory.svc.cluster.local", RecordType.A, ns);
            assertThat(svc.addresses()).containsExactly(RealCluster.FRUITS_IP);
            // dnsmasq forwards AAAA too; svcalias's template in istiocoredns's route answers it, not the plugin
            // (whose NXDOMAIN breaks musl clients): NOERROR without records, through the real dnsmasq
            DnsAnswer aaaa = dns.query("my-fruits.svc.example", RecordType.AAAA, ns);
            assertThat(aaaa.rcode()).as(dnsmasq.logTail()).isEqualTo("NOERROR");
            assertThat(aaaa.addresses()).isEmpty();
            assertThat(dns.query("no-such-alias.svc.example", RecordType.AAAA, ns).rcode()).isEqualTo("NOERROR");
            assertThat(dns.query("my-fruits.svc.example", RecordType.A, ns).addresses())
                    .containsExactly(RealCluster.FRUITS_IP);
        }

        CliRun reset = CliRun.run("reset", "--aliases", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("kube-dns").get().getData()
                .get("stubDomains")).isEqualTo(before);
    }

    /** "127.0.0.1:PORT" as dnsmasq writes a server's port. */
    private static String hash(String address) {
        return address.replace(':', '#');
    }
}
