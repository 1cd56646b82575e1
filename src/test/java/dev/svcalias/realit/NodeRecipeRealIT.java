package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.testbed.NodeCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeSeed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The recipe on a real node, nothing simulated: kubeadm's Corefile in a ConfigMap volume of two CoreDNS replicas
 * that the kubelet runs with its defaults (sync 1m) and CoreDNS's (reload 30s), kube-dns reached at its ClusterIP
 * through kube-proxy, and plain {@code svcalias verify} with its probe pod (no --nameserver). coredns mode: init,
 * alias add, verify; the alias follows its target re-created with a new ClusterIP; alias remove and reset reach
 * every replica. After a Corefile write svcalias touches an annotation on each CoreDNS pod, so that its kubelet
 * refreshes the ConfigMap volume at once (no restart: the same pods, no container restart). Prints the measured
 * times to effect ([figure] lines).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeRecipeRealIT {
    @RegisterExtension
    static final NodeCluster CLUSTER = NodeCluster.kubeadm();
    /** kubelet's sync (1m, plus its jitter) + the ConfigMap cache + reload (30s +- 7.5s), with room. */
    static final Duration COREFILE_LIMIT = Duration.ofMinutes(3);
    static final Duration SERVICE_LIMIT = Duration.ofSeconds(30);
    static final String ALIAS = "my-fruits.internal";

    static String kc() {
        return NodeChecks.kc(CLUSTER);
    }

    static List<String> corednsPods() {
        return CLUSTER.client().pods().inNamespace("kube-system").withLabel("k8s-app", "kube-dns").list().getItems()
                .stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }

    static Replicas replicas() {
        return NodeChecks.replicas(CLUSTER);
    }

    @Test
    @Order(1)
    void theRecipeResolvesOnEveryReplicaAndVerifyPassesFromItsProbePod() {
        List<String> podsBefore = corednsPods();
        assertThat(podsBefore).hasSize(2);
        CliRun init = CliRun.run("init", "--domain", "internal", kc());
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: coredns");
        long initDone = System.nanoTime();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Replicas.Timed live = replicas().awaitAll(ALIAS, a -> a.addresses().equals(List.of(NodeCluster.FRUITS_IP)),
                COREFILE_LIMIT);
        assertThat(live.all()).as(live.describe() + CLUSTER.logs()).isTrue();
        Until.figure("node, coredns mode, kubelet and reload defaults, svcalias's nudge: init (Corefile write) + "
                + "alias add to every replica answering", (System.nanoTime() - initDone) / 1_000_000);
        // the nudge touched each pod (an annotation), and restarted none
        assertThat(corednsPods()).isEqualTo(podsBefore);
        NodeChecks.nudgedWithoutRestart(CLUSTER, "kube-system", "k8s-app", "kube-dns");

        long start = System.nanoTime();
        NodeChecks.plainVerifyPasses(CLUSTER, ALIAS, NodeCluster.FRUITS_IP);
        Until.figure("node: plain verify (probe pod)", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * docs/rbac.yaml runs the recipe on the node: the probe pod (pods in default), the replicas' endpoints
     * (endpointslices in kube-system) and the nudge (list and patch pods in kube-system), each answered 2xx to that
     * user in the API server's audit log.
     */
    @Test
    @Order(2)
    void theDocumentedRbacRunsTheProbePodTheReplicaQueriesAndTheNudge() throws Exception {
        LeastPrivilegeBindings.installRbacYaml(CLUSTER.client());
        LeastPrivilegeBindings.bind(CLUSTER.client(), "ci-bot");
        String kc = "--kubeconfig=" + CLUSTER.userKubeconfig("ci-bot");
        CliRun reset = CliRun.run("reset", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        // --wait: alias add returns once every replica answers, through its probe pod (after init's Corefile write)
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", "--force",
                "--wait", "--timeout", "90s", kc);
        assertThat(add.exitCode()).as(add + CLUSTER.logs()).isZero();
        Replicas.Timed now = replicas().awaitAll(ALIAS, a -> a.addresses().equals(List.of(NodeCluster.FRUITS_IP)),
                java.time.Duration.ofSeconds(1));
        assertThat(now.all()).as("every replica answers when alias add --wait returns: " + now.describe()).isTrue();
        CliRun verify = CliRun.run("verify", "--wait", "--timeout", "90s", kc);
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        assertThat(verify.out()).contains(ALIAS).contains(NodeCluster.FRUITS_IP);
        List<String> audit = java.nio.file.Files.readAllLines(CLUSTER.auditLog()).stream()
                .filter(l -> l.contains("\"username\":\"ci-bot\"") && l.contains("\"code\":20")).toList();
        assertThat(audit).as("ci-bot's requests").anyMatch(l -> l.contains("\"verb\":\"create\"")
                && l.contains("\"resource\":\"pods\""));
        assertThat(audit).anyMatch(l -> l.contains("\"verb\":\"list\"") && l.contains("\"resource\":\"endpointslices\""));
        assertThat(audit).anyMatch(l -> l.contains("\"verb\":\"patch\"") && l.contains("\"resource\":\"pods\"")
                && l.contains("\"namespace\":\"kube-system\""));
    }

    @Test
    @Order(3)
    void anAliasThatWritesNoCorefileTakesEffectAtOnce() {
        CliRun add = CliRun.run("alias", "add", "my-dns", "kube-dns.kube-system", kc());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Replicas.Timed live = replicas().awaitAll("my-dns.internal",
                a -> a.addresses().equals(List.of(NodeCluster.KUBE_DNS_IP)), SERVICE_LIMIT);
        assertThat(live.all()).as(live.describe()).isTrue();
        Until.figure("node, coredns mode: alias add (no Corefile write) to every replica answering", live.millis());
    }

    @Test
    @Order(4)
    void theAliasFollowsItsTargetReCreatedWithANewClusterIp() {
        var services = CLUSTER.client().services().inNamespace("micro-shake-factory");
        services.withName("fruits-api-service").delete();
        Replicas.Timed gone = replicas().awaitAll("fruits-api-service.micro-shake-factory.svc.cluster.local",
                a -> a.rcode().equals("NXDOMAIN"), SERVICE_LIMIT);
        assertThat(gone.all()).as(gone.describe()).isTrue();
        String newIp = "198.19.1.2";
        new RecipeSeed(CLUSTER.client()).service("micro-shake-factory", "fruits-api-service", newIp, 80, "http", "TCP");
        Replicas.Timed moved = replicas().awaitAll(ALIAS, a -> a.addresses().equals(List.of(newIp)), SERVICE_LIMIT);
        assertThat(moved.all()).as(moved.describe()).isTrue();
        Until.figure("node, coredns mode: target re-created to every replica answering its new ClusterIP", moved.millis());
        CliRun verify = CliRun.run("verify", "my-fruits", kc());
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        assertThat(verify.out()).contains(newIp);
    }

    @Test
    @Order(5)
    void aProbePodThatCannotBeScheduledIsCouldNotVerifyAndIsDeleted() {
        var node = CLUSTER.client().nodes().withName(CLUSTER.nodeName());
        node.edit(n -> new io.fabric8.kubernetes.api.model.NodeBuilder(n).editSpec().addNewTaint()
                .withKey("svcalias.test/no-probes").withValue("1").withEffect("NoSchedule").endTaint().endSpec().build());
        try {
            CliRun verify = CliRun.run("verify", "--timeout", "8s", kc());
            assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(5);
            assertThat(verify.err()).contains("could not verify").contains("never ran").contains("Unschedulable")
                    .contains("untolerated taint");
            assertThat(CLUSTER.client().pods().inNamespace("default").list().getItems()).as("the probe pod is deleted")
                    .isEmpty();
        } finally {
            node.edit(n -> new io.fabric8.kubernetes.api.model.NodeBuilder(n).editSpec().withTaints(n.getSpec()
                    .getTaints().stream().filter(t -> !t.getKey().equals("svcalias.test/no-probes")).toList())
                    .endSpec().build());
        }
    }

    @Test
    @Order(6)
    void aliasRemoveAndResetReachEveryReplica() {
        CliRun remove = CliRun.run("alias", "remove", "my-dns", kc());
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        Replicas.Timed removed = replicas().awaitAll("my-dns.internal", a -> a.rcode().equals("NXDOMAIN"),
                SERVICE_LIMIT);
        assertThat(removed.all()).as(removed.describe()).isTrue();
        Until.figure("node, coredns mode: alias remove to every replica answering NXDOMAIN", removed.millis());

        CliRun reset = CliRun.run("reset", "--aliases", kc());
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        long resetDone = System.nanoTime();
        // the zone's block is gone: its names go to the upstream again (nothing answers there: SERVFAIL)
        Replicas.Timed unzoned = replicas().awaitAll(ALIAS, (DnsAnswer a) -> !a.rcode().equals("NXDOMAIN")
                && a.addresses().isEmpty(), COREFILE_LIMIT);
        assertThat(unzoned.all()).as(unzoned.describe()).isTrue();
        Until.figure("node, coredns mode, kubelet and reload defaults, svcalias's nudge: reset (Corefile write) to "
                + "every replica without the zone",
                (System.nanoTime() - resetDone) / 1_000_000);
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").get().getData()
                .get("Corefile")).doesNotContain("internal");
    }
}
