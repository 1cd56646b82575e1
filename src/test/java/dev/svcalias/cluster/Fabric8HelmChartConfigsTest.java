package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HelmChartConfigs as generic resources against the CRUD mock: conditional create, update and delete. */
class Fabric8HelmChartConfigsTest {
    private MockApi api;
    private HelmChartConfigs configs;

    @BeforeEach
    void start() {
        api = MockApi.crud();
        api.namespaces("kube-system");
        configs = api.cluster.helmChartConfigs();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private GenericKubernetesResource stored() {
        return api.admin.genericKubernetesResources(Fabric8HelmChartConfigs.HELM_CHART_CONFIG).inNamespace(
                "kube-system").withName("rke2-coredns").get();
    }

    @Test
    void createsMarkedUpdatesAtTheReadVersionAndDeletesOnlyWhatItCreated() {
        HelmValuesSnapshot absent = configs.read("kube-system", "rke2-coredns");
        assertThat(absent.exists()).isFalse();
        HelmValuesSnapshot created = configs.write(absent, Optional.of("a: 1\n"), Map.of("svcalias.dev/x",
                Optional.of("y")));
        assertThat(created.createdBySvcalias()).isTrue();
        assertThat(created.valuesContent()).contains("a: 1\n");
        assertThat(stored().getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "svcalias");
        assertThatThrownBy(() -> configs.write(absent, Optional.of("b: 2\n"), Map.of()))
                .as("it appeared since the read").isInstanceOf(ConflictException.class);

        HelmValuesSnapshot updated = configs.write(created, Optional.of("a: 2\n"), Map.of());
        assertThat(stored().getAdditionalProperties().get("spec")).isEqualTo(Map.of("valuesContent", "a: 2\n"));
        assertThatThrownBy(() -> configs.write(created, Optional.of("a: 3\n"), Map.of()))
                .as("a stale resourceVersion").isInstanceOf(ConflictException.class);
        assertThat(stored().getAdditionalProperties().get("spec")).isEqualTo(Map.of("valuesContent", "a: 2\n"));

        HelmValuesSnapshot gone = configs.write(updated, Optional.empty(), Map.of("svcalias.dev/x", Optional.empty()));
        assertThat(gone.exists()).isFalse();
        assertThat(stored()).isNull();
    }

    @Test
    void keepsEveryOtherFieldAndReportsStructuredValues() {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion("helm.cattle.io/v1");
        r.setKind("HelmChartConfig");
        r.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("rke2-coredns")
                .withNamespace("kube-system").withAnnotations(Map.of("team", "dns")).build());
        r.getAdditionalProperties().put("spec", Map.of("valuesContent", "a: 1", "values", Map.of("servers", 1),
                "failurePolicy", "abort"));
        api.admin.genericKubernetesResources(Fabric8HelmChartConfigs.HELM_CHART_CONFIG).inNamespace("kube-system")
                .resource(r).create();
        HelmValuesSnapshot read = configs.read("kube-system", "rke2-coredns");
        assertThat(read.structuredValueKeys()).containsExactly("servers");
        assertThat(read.otherAnnotations()).containsEntry("team", "dns");
        assertThat(read.createdBySvcalias()).isFalse();

        HelmValuesSnapshot removed = configs.write(read, Optional.empty(), Map.of());
        assertThat(removed.exists()).as("not svcalias's: never deleted").isTrue();
        assertThat(stored().getAdditionalProperties().get("spec")).isEqualTo(Map.of("values", Map.of("servers", 1),
                "failurePolicy", "abort"));
        assertThat(stored().getMetadata().getAnnotations()).containsEntry("team", "dns");
    }
}
