package dev.svcalias.app.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.app.usecase.InitRequest;
import dev.svcalias.app.usecase.InitResult;
import dev.svcalias.app.usecase.InitUseCase;
import dev.svcalias.app.usecase.ResetRequest;
import dev.svcalias.app.usecase.ResetResult;
import dev.svcalias.app.usecase.ResetUseCase;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.KeySnapshot;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.KeyEdit;
import dev.svcalias.plan.NamespaceCreate;
import dev.svcalias.plan.Plan;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    void initNudgesThePodsMountingEachCorefile() {
        InitResult result = new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT));
        assertThat(cluster.calls()).contains("nudge pods mounting configmap kube-system/coredns",
                "nudge pods mounting configmap istio-system/coredns");
        assertThat(result.warnings()).noneMatch(w -> w.contains("nudged"));
    }

    /**
     * A write to any ConfigMap is nudged, whatever its kind (a Corefile, AKS's and k3s's coredns-custom key), once per
     * ConfigMap; a change that writes nothing, and the kinds that write no ConfigMap, nudge nothing.
     */
    @Test
    void everyWrittenConfigMapIsNudgedOnceAndNothingElse() {
        ConfigMapRef custom = new ConfigMapRef("kube-system", "coredns-custom", "svcalias-internal.server");
        ConfigMapRef other = new ConfigMapRef("kube-system", "coredns-custom", "other.server");
        ConfigMapRef stub = new ConfigMapRef("kube-system", "kube-dns", "stubDomains");
        Plan plan = new Plan(List.of(
                new NamespaceCreate("svcalias-internal", Map.of(), "created"),
                keyWrite(custom, Optional.empty(), Optional.of("internal:53 {}\n")),
                keyWrite(other, Optional.empty(), Optional.of("other:53 {}\n")),
                keyWrite(stub, Optional.of("{}"), Optional.of("{}")), // writes nothing
                new CorefileChange(new CorefileSnapshot(LAYOUT.istioCorefile(), "1", "a", Optional.empty()), "b",
                        t -> "b", "edited", false)));

        assertThat(KubeletNudge.writtenConfigMaps(plan)).containsExactly(
                new ConfigMapRef("kube-system", "coredns-custom"), new ConfigMapRef("istio-system", "coredns"));
        List<String> warnings = new ArrayList<>();
        KubeletNudge.afterWrites(cluster, plan, warnings);
        assertThat(cluster.calls()).filteredOn(c -> c.startsWith("nudge")).containsExactly(
                "nudge pods mounting configmap kube-system/coredns-custom",
                "nudge pods mounting configmap istio-system/coredns");
        assertThat(warnings).isEmpty();
    }

    private static ConfigMapKeyChange keyWrite(ConfigMapRef ref, Optional<String> before, Optional<String> after) {
        KeySnapshot read = new KeySnapshot(ref, "1", before, Map.of(), Set.of(), false);
        KeyEdit edit = new KeyEdit(after, Map.of());
        return new ConfigMapKeyChange(read, edit, fresh -> edit, "wrote " + ref.key());
    }

    @Test
    void aFailedNudgeIsAWarningAndTheWritesStay() {
        cluster.failWhen(c -> c.startsWith("nudge pods"));
        InitResult result = new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT));
        assertThat(cluster.configMap(LAYOUT.kubeDnsCorefile()).orElseThrow().corefile()).contains("internal:53");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("the change is written, but the kubelet could not be "
                + "nudged to refresh the pods mounting configmap kube-system/coredns"));

        ResetResult reset = new ResetUseCase(cluster).run(new ResetRequest("internal", false, false, false, LAYOUT));
        assertThat(cluster.configMap(LAYOUT.kubeDnsCorefile()).orElseThrow().corefile()).doesNotContain("internal:53");
        assertThat(reset.notes()).anyMatch(w -> w.contains("could not be nudged"));
    }
}
