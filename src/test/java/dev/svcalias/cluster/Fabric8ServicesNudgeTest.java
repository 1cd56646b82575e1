package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kubelet nudge: one annotation on each pod that mounts the written ConfigMap, and on no other pod. */
class Fabric8ServicesNudgeTest {
    private MockApi api;

    @BeforeEach
    void start() {
        api = MockApi.crud();
        api.namespaces("kube-system");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void pod(String name, Volume... volumes) {
        api.admin.pods().inNamespace("kube-system").resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace("kube-system").endMetadata().withNewSpec().addToVolumes(volumes).endSpec().build())
                .create();
    }

    private static Volume configMap(String volume, String configMap) {
        return new VolumeBuilder().withName(volume).withNewConfigMap().withName(configMap).withOptional(true)
                .endConfigMap().build();
    }

    private static Volume projected(String volume, String configMap) {
        return new VolumeBuilder().withName(volume).withNewProjected().addNewSource().withNewConfigMap()
                .withName(configMap).endConfigMap().endSource().endProjected().build();
    }

    private Map<String, String> annotations(String pod) {
        var p = api.admin.pods().inNamespace("kube-system").withName(pod).get();
        return p.getMetadata().getAnnotations() == null ? Map.of() : p.getMetadata().getAnnotations();
    }

    @Test
    void eachPodMountingTheConfigMapIsAnnotatedAndNoOther() {
        pod("coredns-a", configMap("config-volume", "coredns"), configMap("custom-config-volume", "coredns-custom"));
        pod("coredns-b", configMap("config-volume", "coredns"), projected("custom", "coredns-custom"));
        pod("node-local-dns-x", configMap("config-volume", "node-local-dns"));
        pod("metrics-server-x");

        assertThat(api.cluster.services().nudgePodsMounting("kube-system", "coredns-custom")).isEqualTo(2);
        assertThat(annotations("coredns-a")).containsKey(Fabric8Services.CONFIG_WRITTEN_AT);
        assertThat(annotations("coredns-b")).containsKey(Fabric8Services.CONFIG_WRITTEN_AT);
        assertThat(annotations("node-local-dns-x")).doesNotContainKey(Fabric8Services.CONFIG_WRITTEN_AT);
        assertThat(annotations("metrics-server-x")).doesNotContainKey(Fabric8Services.CONFIG_WRITTEN_AT);
    }

    @Test
    void noPodMountingItTouchesNothing() {
        pod("coredns-a", configMap("config-volume", "coredns"));
        assertThat(api.cluster.services().nudgePodsMounting("kube-system", "kube-dns")).isZero();
        assertThat(annotations("coredns-a")).isEmpty();
    }
}
