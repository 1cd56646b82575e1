package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testbed.NodeCluster;
import dev.svcalias.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * istio mode on the real node: kube-dns's two CoreDNS replicas (kubeadm's Corefile) run by the kubelet with its
 * defaults, and real istiod (Istio 1.9+: no istiocoredns) watching the node's API server as a process on the host,
 * with DNS capture in its mesh config. init picks istio mode by itself; alias add writes the ExternalName Service
 * (what kube-dns answers for every pod that asks it), the ServiceEntry and the VirtualService (what istiod gives
 * meshed pods); plain verify passes from its probe pod on every replica, and istiod's registry holds the alias
 * (without an address: ADR 0180).
 * No sidecar runs on the node (no injector, no Envoy image): a meshed pod's view is IstioModeRealIT's, through
 * Istio's DNS proxy on the host.
 */
class NodeIstioRealIT {
    @RegisterExtension
    static final NodeCluster CLUSTER = NodeCluster.kubeadmWith(NodeCluster.Istio.ISTIOD);
    static final String ALIAS = "my-fruits.internal";

    @Test
    void theRecipeInIstioModeResolvesOnEveryReplicaAndIstiodHoldsTheAlias() {
        String kc = NodeChecks.kc(CLUSTER);
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: istio");
        long initDone = System.nanoTime();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Replicas.Timed live = NodeChecks.replicas(CLUSTER).awaitAll(ALIAS,
                a -> a.addresses().equals(List.of(NodeCluster.FRUITS_IP)), NodeRecipeRealIT.COREFILE_LIMIT);
        assertThat(live.all()).as(live.describe() + CLUSTER.logs()).isTrue();
        Until.figure("node, istio mode, kubelet and reload defaults, svcalias's nudge: init (Corefile write) + alias "
                + "add to every replica answering", (System.nanoTime() - initDone) / 1_000_000);
        NodeChecks.nudgedWithoutRestart(CLUSTER, "kube-system", "k8s-app", "kube-dns");

        NodeChecks.plainVerifyPasses(CLUSTER, ALIAS, NodeCluster.FRUITS_IP);
        // istio mode's ServiceEntry has no address (ADR 0180): istiod registers the host with none (0.0.0.0), so
        // the mesh's DNS proxy leaves it to kube-dns, whose answer follows the target
        List<String> registered = RecipeScenarioRealIT.eventually(() -> CLUSTER.istiod().registry().get(ALIAS),
                a -> a != null && !a.isEmpty());
        assertThat(registered).as("istiod's registry, from svcalias's ServiceEntry on the node's API server")
                .containsExactly("0.0.0.0");
    }
}
