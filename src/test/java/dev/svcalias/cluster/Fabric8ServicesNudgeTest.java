package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kubelet nudge: one annotation on each pod the Deployment selects, and on no other pod. */
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

    private void pod(String name, Map<String, String> labels) {
        api.admin.pods().inNamespace("kube-system").resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace("kube-system").addToLabels(labels).endMetadata().build()).create();
    }

    private Map<String, String> annotations(String pod) {
        var p = api.admin.pods().inNamespace("kube-system").withName(pod).get();
        return p.getMetadata().getAnnotations() == null ? Map.of() : p.getMetadata().getAnnotations();
    }

    @Test
    void eachPodOfTheDeploymentIsAnnotatedAndNoOther() {
        api.admin.apps().deployments().inNamespace("kube-system").resource(new DeploymentBuilder().withNewMetadata()
                .withName("coredns").withNamespace("kube-system").endMetadata().withNewSpec().withNewSelector()
                .addToMatchLabels("k8s-app", "kube-dns").endSelector().endSpec().build()).create();
        pod("coredns-a", Map.of("k8s-app", "kube-dns"));
        pod("coredns-b", Map.of("k8s-app", "kube-dns"));
        pod("metrics-server-x", Map.of("k8s-app", "metrics-server"));

        int touched = api.cluster.services().nudgePods("kube-system", "coredns");

        assertThat(touched).isEqualTo(2);
        assertThat(annotations("coredns-a")).containsKey(Fabric8Services.CONFIG_WRITTEN_AT);
        assertThat(annotations("coredns-b")).containsKey(Fabric8Services.CONFIG_WRITTEN_AT);
        assertThat(annotations("metrics-server-x")).doesNotContainKey(Fabric8Services.CONFIG_WRITTEN_AT);
    }

    @Test
    void noDeploymentTouchesNothing() {
        pod("coredns-a", Map.of("k8s-app", "kube-dns"));
        assertThat(api.cluster.services().nudgePods("kube-system", "coredns")).isZero();
        assertThat(annotations("coredns-a")).isEmpty();
    }
}
