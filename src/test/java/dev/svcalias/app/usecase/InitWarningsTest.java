package dev.svcalias.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cli.render.InitResultRenderer;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 9, defect 6 in init: existing forwarding for the zone is a warning, in the result's data too (-o json). */
class InitWarningsTest {
    @Test
    void aRootForwardForTheZoneIsWarnedAbout() {
        ClusterLayout layout = ClusterLayout.defaults();
        String kubeDns = RecipeCluster.corpus("kubeadm-1.28.corefile")
                .replace("    forward . /etc/resolv.conf", "    forward internal 1.2.3.4\n    forward . /etc/resolv.conf");
        InMemoryCluster cluster = new InMemoryCluster()
                .corefile(layout.kubeDnsCorefile(), kubeDns)
                .corefile(layout.istioCorefile(), RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"))
                .service("istio-system", "istiocoredns", "10.96.100.53");
        InitResult result = new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false,
                layout));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("configmap kube-system/coredns, line")
                .contains("forward internal 1.2.3.4"));
        assertThat((Iterable<?>) ((Map<?, ?>) new InitResultRenderer(result).toData()).get("warnings")).isNotEmpty();
    }
}
