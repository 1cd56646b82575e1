package dev.svcalias.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kubelet nudge only hastens a change that is written: when it fails, init and reset still succeed and say so. */
class KubeletNudgeTest {
    private static final ClusterLayout LAYOUT = ClusterLayout.defaults();

    private InMemoryCluster cluster;

    @BeforeEach
    void recipe() {
        cluster = new InMemoryCluster()
                .corefile(LAYOUT.kubeDnsCorefile(), RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .corefile(LAYOUT.istioCorefile(), RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"))
                .service("istio-system", "istiocoredns", "10.96.100.53");
    }

    @Test
    void initNudgesBothCorefilesDeployments() {
        InitResult result = new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT));
        assertThat(cluster.calls()).contains("nudge pods of deployment kube-system/coredns",
                "nudge pods of deployment istio-system/istiocoredns");
        assertThat(result.warnings()).noneMatch(w -> w.contains("nudged"));
    }

    @Test
    void aFailedNudgeIsAWarningAndTheWritesStay() {
        cluster.failWhen(c -> c.startsWith("nudge pods"));
        InitResult result = new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT));
        assertThat(cluster.configMap(LAYOUT.kubeDnsCorefile()).orElseThrow().corefile()).contains("internal:53");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("the change is written, but the kubelet could not be "
                + "nudged to refresh the pods of deployment kube-system/coredns"));

        ResetResult reset = new ResetUseCase(cluster).run(new ResetRequest("internal", false, false, false, LAYOUT));
        assertThat(cluster.configMap(LAYOUT.kubeDnsCorefile()).orElseThrow().corefile()).doesNotContain("internal:53");
        assertThat(reset.notes()).anyMatch(w -> w.contains("could not be nudged"));
    }
}
