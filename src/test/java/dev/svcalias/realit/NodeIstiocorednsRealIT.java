package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.NodeCluster;
import dev.svcalias.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * istiocoredns mode on the real node, nothing simulated: kube-dns's two CoreDNS replicas (kubeadm's Corefile) and
 * istiocoredns as Istio 1.4's chart ran it (CoreDNS 1.6.2 with Istio 1.4's Corefile, and the plugin, here the
 * testbed's fake answering from the ServiceEntries, in the same pod), all run by the kubelet with its defaults and
 * reached through kube-proxy. init (both Corefiles, both nudged), alias add (a ServiceEntry, no Corefile write),
 * plain verify with its probe pod on every kube-dns replica, then alias remove and reset. Prints the times to effect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeIstiocorednsRealIT {
    @RegisterExtension
    static final NodeCluster CLUSTER = NodeCluster.kubeadmWith(NodeCluster.Istio.ISTIOCOREDNS);
    static final String ALIAS = "my-fruits.internal";

    @Test
    @Order(1)
    void theRecipeResolvesOnEveryKubeDnsReplicaThroughIstiocorednsAndVerifyPasses() {
        CliRun init = CliRun.run("init", "--domain", "internal", NodeChecks.kc(CLUSTER));
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: istiocoredns");
        long initDone = System.nanoTime();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory",
                NodeChecks.kc(CLUSTER));
        assertThat(add.exitCode()).as(add.toString()).isZero();
        // istiocoredns itself (its pod IP): the plugin answers from the ServiceEntry once its Corefile has the zone
        Replicas istiocoredns = new Replicas(List.of(CLUSTER.istiocorednsPodIp()));
        Replicas.Timed plugin = istiocoredns.awaitAll(ALIAS, a -> a.addresses().equals(List.of(NodeCluster.FRUITS_IP)),
                NodeRecipeRealIT.COREFILE_LIMIT);
        assertThat(plugin.all()).as(plugin.describe() + CLUSTER.logs()).isTrue();
        Until.figure("node, istiocoredns mode, kubelet and reload defaults, svcalias's nudge: init (two Corefile "
                + "writes) + alias add to istiocoredns answering", (System.nanoTime() - initDone) / 1_000_000);
        Replicas.Timed live = NodeChecks.replicas(CLUSTER).awaitAll(ALIAS,
                a -> a.addresses().equals(List.of(NodeCluster.FRUITS_IP)), NodeRecipeRealIT.COREFILE_LIMIT);
        assertThat(live.all()).as(live.describe() + CLUSTER.logs()).isTrue();
        Until.figure("node, istiocoredns mode, kubelet and reload defaults, svcalias's nudge: init (two Corefile "
                + "writes) + alias add to every kube-dns replica answering",
                (System.nanoTime() - initDone) / 1_000_000);
        // every pod mounting a written Corefile was nudged: kube-dns's replicas and istiocoredns
        NodeChecks.nudgedWithoutRestart(CLUSTER, "kube-system", "k8s-app", "kube-dns");
        NodeChecks.nudgedWithoutRestart(CLUSTER, "istio-system", "app", "istiocoredns");
        DnsAnswer aaaa = NodeChecks.replicas(CLUSTER).query(ALIAS, RecordType.AAAA).values().iterator().next();
        assertThat(aaaa.rcode()).as("AAAA must not be NXDOMAIN (musl)").isEqualTo("NOERROR");

        NodeChecks.plainVerifyPasses(CLUSTER, ALIAS, NodeCluster.FRUITS_IP);
    }

    /** An alias in istiocoredns mode is a ServiceEntry: no Corefile write, the plugin's poll and CoreDNS's cache. */
    @Test
    @Order(2)
    void aSecondAliasAndItsRemovalReachEveryReplicaWithoutACorefileWrite() {
        CliRun add = CliRun.run("alias", "add", "my-dns", "kube-dns.kube-system", NodeChecks.kc(CLUSTER));
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Replicas.Timed live = NodeChecks.replicas(CLUSTER).awaitAll("my-dns.internal",
                a -> a.addresses().equals(List.of(NodeCluster.KUBE_DNS_IP)), NodeRecipeRealIT.SERVICE_LIMIT);
        assertThat(live.all()).as(live.describe() + CLUSTER.logs()).isTrue();
        Until.figure("node, istiocoredns mode: alias add (a ServiceEntry, no Corefile write) to every kube-dns replica "
                + "answering", live.millis());
        CliRun remove = CliRun.run("alias", "remove", "my-dns", NodeChecks.kc(CLUSTER));
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        // kube-dns's cache 30 may hold the answer for up to its TTL
        Replicas.Timed removed = NodeChecks.replicas(CLUSTER).awaitAll("my-dns.internal",
                a -> a.rcode().equals("NXDOMAIN"), NodeRecipeRealIT.COREFILE_LIMIT);
        assertThat(removed.all()).as(removed.describe()).isTrue();
        Until.figure("node, istiocoredns mode: alias remove to every kube-dns replica answering NXDOMAIN",
                removed.millis());
    }
}
