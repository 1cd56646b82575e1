package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.testbed.NodeCluster;
import dev.svcalias.testing.CliRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * k3s on the real node, nothing simulated: k3s's packaged Corefile (objectset annotations, as k3s's deploy controller
 * applies it) importing /etc/coredns/custom/*.server from the optional ConfigMap coredns-custom, which the two
 * CoreDNS replicas mount and which does not exist yet. svcalias detects k3s, writes its zone as a key of
 * coredns-custom (not the managed Corefile) and nudges the pods that mount it; the kubelet then fills the optional
 * volume and CoreDNS's reload reads the import. init, alias add and plain verify with its probe pod; reset takes
 * the key out on every replica and leaves the Corefile as k3s wrote it. Prints the times to effect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeCustomVolumeRealIT {
    static final String COREFILE = "/corefiles/k3s-default.corefile";
    @RegisterExtension
    static final NodeCluster CLUSTER = NodeCluster.withCustomVolume(COREFILE);
    static final String ALIAS = "my-fruits.internal";
    static String managedCorefile;

    static String kc() {
        return NodeChecks.kc(CLUSTER);
    }

    /** What k3s's deploy controller puts on the ConfigMaps of its packaged manifests (objectset.rio.cattle.io). */
    @BeforeAll
    static void k3sManagesTheCorefile() {
        CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").edit(cm -> {
            cm.getMetadata().setLabels(Map.of("objectset.rio.cattle.io/hash", "e3b0c44298fc1c149afbf4c8996fb924"));
            cm.getMetadata().setAnnotations(Map.of("objectset.rio.cattle.io/id", "",
                    "objectset.rio.cattle.io/owner-gvk", "k3s.cattle.io/v1, Kind=Addon",
                    "objectset.rio.cattle.io/owner-name", "coredns", "objectset.rio.cattle.io/owner-namespace",
                    "kube-system"));
            return cm;
        });
        managedCorefile = CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").get().getData()
                .get("Corefile");
    }

    static Replicas replicas() {
        return NodeChecks.replicas(CLUSTER);
    }

    static List<String> corednsPods() {
        return CLUSTER.client().pods().inNamespace("kube-system").withLabel("k8s-app", "kube-dns").list().getItems()
                .stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }

    @Test
    @Order(1)
    void initWritesCorednsCustomAndTheNudgedReplicasAnswerThroughTheImport() {
        List<String> podsBefore = corednsPods();
        CliRun status = CliRun.run("status", kc());
        assertThat(status.out()).as(status.toString()).contains("Platform:       k3s");
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns-custom").get())
                .as("k3s makes no coredns-custom: the optional volume is empty").isNull();

        CliRun init = CliRun.run("init", "--domain", "internal", kc());
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: coredns").contains("configmap kube-system/coredns-custom");
        long initDone = System.nanoTime();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Replicas.Timed live = replicas().awaitAll(ALIAS, a -> a.addresses().equals(List.of(NodeCluster.FRUITS_IP)),
                NodeRecipeRealIT.COREFILE_LIMIT);
        assertThat(live.all()).as(live.describe() + CLUSTER.logs()).isTrue();
        Until.figure("node, coredns mode on k3s (coredns-custom volume), kubelet and reload defaults, svcalias's "
                + "nudge: init (coredns-custom write) + alias add to every replica answering",
                (System.nanoTime() - initDone) / 1_000_000);
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").get().getData()
                .get("Corefile")).as("k3s's Corefile is left as k3s wrote it").isEqualTo(managedCorefile);
        // the nudge touched each pod mounting coredns-custom, and restarted none
        assertThat(corednsPods()).isEqualTo(podsBefore);
        NodeChecks.nudgedWithoutRestart(CLUSTER, "kube-system", "k8s-app", "kube-dns");
        NodeChecks.plainVerifyPasses(CLUSTER, ALIAS, NodeCluster.FRUITS_IP);
    }

    @Test
    @Order(2)
    void resetTakesTheKeyOutOnEveryReplicaAndLeavesK3sCorefile() {
        CliRun reset = CliRun.run("reset", "--aliases", kc());
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        long resetDone = System.nanoTime();
        // the zone's server block is gone: its names go to the upstream (nothing answers there: SERVFAIL)
        Replicas.Timed unzoned = replicas().awaitAll(ALIAS, (DnsAnswer a) -> !a.rcode().equals("NXDOMAIN")
                && a.addresses().isEmpty(), NodeRecipeRealIT.COREFILE_LIMIT);
        assertThat(unzoned.all()).as(unzoned.describe() + CLUSTER.logs()).isTrue();
        Until.figure("node, coredns mode on k3s (coredns-custom volume), svcalias's nudge: reset (coredns-custom "
                + "write) to every replica without the zone", (System.nanoTime() - resetDone) / 1_000_000);
        var custom = CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns-custom").get();
        assertThat(custom == null || custom.getData() == null ? Map.of() : custom.getData())
                .doesNotContainKey("svcalias-internal.server");
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").get().getData()
                .get("Corefile")).isEqualTo(managedCorefile);
    }
}
