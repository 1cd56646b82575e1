package dev.svcalias.realit;

import static dev.svcalias.realit.RecipeScenarioRealIT.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.IstioDnsProxy;
import dev.svcalias.testbed.IstioMesh;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What real Istio does with the ServiceEntry {@code svcalias alias add} writes today: a real istiod (pilot-discovery
 * from the istio.io/istio module) reads it from the real API server, and a meshed client, Istio's own DNS proxy code
 * fed by that istiod over xDS, resolves the alias. The cluster is the istiocoredns era's (today's `init` needs
 * istiocoredns); istiod only sees the ServiceEntry and the Services.
 */
class IstiodServiceEntryRealIT {
    private static final String ALIAS = "my-fruits.internal";
    private static final String TARGET = "fruits-api-service.micro-shake-factory.svc.cluster.local";

    @RegisterExtension
    @Order(1)
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    @RegisterExtension
    @Order(2)
    static final IstioMesh MESH = IstioMesh.on(CLUSTER);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofSeconds(2));

    @BeforeAll
    static void addTheAlias() {
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
    }

    @Test
    void istiodsRegistryHasTheAliasAtTheTargetsClusterIp() {
        Map<String, List<String>> registry = eventually(() -> MESH.istiod().registry(),
                r -> r.containsKey(ALIAS));
        assertThat(registry.get(TARGET)).as("the target, from the Service").containsExactly(RealCluster.FRUITS_IP);
        assertThat(registry.get(ALIAS)).as("the alias, from svcalias's ServiceEntry; " + CLUSTER.logs())
                .containsExactly(RealCluster.FRUITS_IP);
    }

    @Test
    void theNameTableIstiodPushesToAMeshedProxyHasTheAlias() {
        IstioDnsProxy proxy = MESH.meshedClient();
        Map<String, List<String>> table = eventually(proxy::nameTable, t -> t.containsKey(ALIAS));
        assertThat(table.get(ALIAS)).as(CLUSTER.logs()).containsExactly(RealCluster.FRUITS_IP);
        assertThat(table.get(TARGET)).containsExactly(RealCluster.FRUITS_IP);
    }

    @Test
    void aMeshedClientResolvesTheAliasThroughIstiosDnsProxy() {
        Nameserver proxy = Nameserver.parse(MESH.meshedClient().dnsAddress());
        DnsAnswer a = eventually(() -> dns.query(ALIAS, RecordType.A, proxy),
                x -> x.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(a.rcode()).as(CLUSTER.logs()).isEqualTo("NOERROR");
        assertThat(a.addresses()).containsExactly(RealCluster.FRUITS_IP);
        // Istio answers a known name without an IPv6 address with NOERROR and no records (istio/istio#31250)
        DnsAnswer aaaa = dns.query(ALIAS, RecordType.AAAA, proxy);
        assertThat(aaaa.rcode()).isEqualTo("NOERROR");
        assertThat(aaaa.addresses()).isEmpty();
        // the pod's first search domain: Istio answers a CNAME to the alias and its A record in one reply
        DnsAnswer searched = dns.query(ALIAS + ".default.svc.cluster.local", RecordType.A, proxy);
        assertThat(searched.addresses()).containsExactly(RealCluster.FRUITS_IP);
        // only the alias the ServiceEntry names, nothing else in its zone
        assertThat(dns.query("other.internal", RecordType.A, proxy).addresses()).isEmpty();
    }

    @Test
    void namesNotInTheTableGoToKubeDns() {
        Nameserver proxy = Nameserver.parse(MESH.meshedClient().dnsAddress());
        assertThat(MESH.meshedClient().nameTable()).doesNotContainKey("10-1-2-3.default.pod.cluster.local");
        // kube-dns's kubernetes plugin (pods insecure) makes this A record up; only kube-dns can answer it
        DnsAnswer pod = dns.query("10-1-2-3.default.pod.cluster.local", RecordType.A, proxy);
        assertThat(pod.addresses()).as(pod.describe() + CLUSTER.logs()).containsExactly("10.1.2.3");
        DnsAnswer missing = dns.query("nosuch.micro-shake-factory.svc.cluster.local", RecordType.A, proxy);
        assertThat(missing.rcode()).isEqualTo("NXDOMAIN");
    }

    /**
     * Today's ServiceEntry (the istiocoredns-era shape: each port keeps the Service's protocol, TCP) gets no HTTP
     * route: istiod gives it a TCP listener on the target's ClusterIP and port that proxies every connection to that
     * address, the target's own traffic included, to the alias's cluster, past the target's HTTP routing
     * (istio/istio#45401). The istio mode must declare the protocol Istio gives the target's port (HTTP for "http");
     * see docs/testbed.md.
     */
    @Test
    void todaysServiceEntryBecomesATcpProxyOnTheTargetsAddressNotARoute() {
        IstioDnsProxy proxy = MESH.meshedClient();
        String listener = RealCluster.FRUITS_IP + "_80";
        List<String> tcp = eventually(() -> proxy.tcpProxyClusters(listener), c -> !c.isEmpty());
        assertThat(tcp).as("listeners: %s; %s", proxy.listeners().keySet(), CLUSTER.logs())
                .containsExactly("outbound|80||" + ALIAS);
        // route 80 (the HTTP listener 0.0.0.0_80) has the target's virtual host, not the alias's
        assertThat(proxy.routeDomains("80")).contains(TARGET, RealCluster.FRUITS_IP).doesNotContain(ALIAS);
    }
}
