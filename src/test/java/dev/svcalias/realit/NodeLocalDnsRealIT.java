package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.MountedCoreDns;
import dev.svcalias.testbed.MountedCoreDns.Volume;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NodeLocal DNSCache: real CoreDNS runs node-local-dns's Corefile as the Kubernetes docs publish it, with the
 * placeholders filled the way node-cache and the install steps fill them; a pod's query sent to node-local-dns
 * resolves the alias through kube-dns and istiocoredns once svcalias added the zone, and verify names
 * node-local-dns when its Corefile lacks the zone.
 */
class NodeLocalDnsRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    static final String LINK_LOCAL = "169.254.20.10";

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofSeconds(2));

    /**
     * The substitutions: __PILLAR__DNS__DOMAIN__, __PILLAR__LOCAL__DNS__ and __PILLAR__DNS__SERVER__ are sed'ed by
     * the install steps (cluster domain, the link-local address, kube-dns's ClusterIP); node-cache itself fills
     * __PILLAR__CLUSTER__DNS__ (the upstream Service in front of the cluster DNS pods, kube-dns here) and
     * __PILLAR__UPSTREAM__SERVERS__ (the node's resolv.conf). The testbed's translation then puts the bind
     * addresses on 127.0.0.1 and the kube-dns ClusterIP on kube-dns's loopback port, as for every CoreDNS.
     */
    static String fill(String corefile) {
        return corefile.replace("__PILLAR__DNS__DOMAIN__", "cluster.local")
                .replace("__PILLAR__LOCAL__DNS__", LINK_LOCAL)
                .replace("__PILLAR__DNS__SERVER__", RealCluster.KUBE_DNS_IP)
                .replace("__PILLAR__CLUSTER__DNS__", RealCluster.KUBE_DNS_IP)
                .replace("__PILLAR__UPSTREAM__SERVERS__", "/etc/resolv.conf");
    }

    @Test
    void aliasResolvesThroughNodeLocalDnsOnlyWithTheZoneInItsCorefile() {
        String raw = PlatformSeeds.file("k8s-nodelocaldns-raw.corefile");
        new PlatformSeeds(CLUSTER.client()).nodeLocalDns(raw);
        MountedCoreDns nodeLocal = CLUSTER.startMountedCoreDns("node-local-dns",
                List.of(new Volume("kube-system", "node-local-dns", "")),
                Map.of(RealCluster.KUBE_DNS_IP, CLUSTER.kubeDnsAddress()), NodeLocalDnsRealIT::fill);
        Nameserver local = Nameserver.parse(nodeLocal.address());
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();

        // the cluster domain already goes through node-local-dns to kube-dns
        DnsAnswer svc = RecipeScenarioRealIT.eventually(() -> dns.query(
                "fruits-api-service.micro-shake-factory.svc.cluster.local", RecordType.A, local),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(svc.addresses()).as(nodeLocal.logTail()).containsExactly(RealCluster.FRUITS_IP);

        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("configmap kube-system/node-local-dns");
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        CliRun verify = CliRun.run("verify", "--nameserver", nodeLocal.address(), "--wait", "--timeout", "60s",
                "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + nodeLocal.logTail() + CLUSTER.logs()).isZero();
        DnsAnswer a = dns.query("my-fruits.internal", RecordType.A, local);
        assertThat(a.addresses()).containsExactly(RealCluster.FRUITS_IP);
        assertThat(nodeLocal.file("Corefile")).contains("internal:" + nodeLocal.port);

        // node-local-dns's Corefile put back without the zone: the query goes upstream, verify says why
        var cm = CLUSTER.client().configMaps().inNamespace("kube-system").withName("node-local-dns").get();
        cm.getData().put("Corefile", raw);
        CLUSTER.client().configMaps().inNamespace("kube-system").resource(cm).update();
        DnsAnswer lost = RecipeScenarioRealIT.eventually(() -> dns.query("my-fruits.internal", RecordType.A, local),
                x -> !x.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(lost.addresses()).as("without the zone node-local-dns sends it upstream").isEmpty();
        CliRun broken = CliRun.run("verify", "--nameserver", nodeLocal.address(), kc);
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(3);
        assertThat(broken.out() + broken.err()).contains("NodeLocal DNSCache runs")
                .contains("does not forward zone internal to kube-dns");

        CliRun again = CliRun.run("init", "--domain", "internal", kc);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        CliRun reset = CliRun.run("reset", "--aliases", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("node-local-dns").get()
                .getData().get("Corefile")).isEqualTo(raw);
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
    }
}
