package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Services, namespaces, Deployments and nodes against the CRUD mock. */
class Fabric8ServicesTest {
    private MockApi api;
    private Services services;

    @BeforeEach
    void start() {
        api = MockApi.crud();
        api.namespaces("istio-system", "micro-shake-factory");
        services = api.cluster.services();
        api.admin.apps().deployments().inNamespace("istio-system").resource(new DeploymentBuilder().withNewMetadata()
                .withName("istiocoredns").withNamespace("istio-system").endMetadata().withNewSpec().withNewTemplate()
                .withNewMetadata().addToAnnotations("sidecar.istio.io/inject", "false").endMetadata()
                .withSpec(new PodSpecBuilder()
                        .addNewContainer().withName("coredns").withImage("coredns/coredns:1.6.2").endContainer()
                        .addNewContainer().withName("istio-coredns-plugin")
                        .withImage("istio/coredns-plugin:0.2-istio-1.1").endContainer().build())
                .endTemplate().endSpec().build()).create();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void serviceLookups() {
        api.admin.services().inNamespace("micro-shake-factory").resource(new ServiceBuilder().withNewMetadata()
                .withName("fruits-api-service").endMetadata().withNewSpec().withType("ClusterIP")
                .withClusterIP("10.103.1.1").addNewPort().withName("http").withPort(80).withProtocol("TCP").endPort()
                .addNewPort().withName("grpc").withPort(9090).withProtocol("TCP").endPort().endSpec().build()).create();
        api.admin.services().inNamespace("micro-shake-factory").resource(new ServiceBuilder().withNewMetadata()
                .withName("headless").endMetadata().withNewSpec().withClusterIP("None").endSpec().build()).create();

        ServiceInfo fruits = services.service("micro-shake-factory", "fruits-api-service").orElseThrow();
        assertThat(fruits).isEqualTo(new ServiceInfo("micro-shake-factory", "fruits-api-service", "ClusterIP",
                "10.103.1.1", null, List.of(new ServiceInfo.PortInfo("http", 80, "TCP"),
                new ServiceInfo.PortInfo("grpc", 9090, "TCP"))));
        assertThat(services.service("micro-shake-factory", "headless").orElseThrow().headless()).isTrue();
        assertThat(services.service("micro-shake-factory", "nothing")).isEmpty();
        assertThat(services.namespaceExists("micro-shake-factory")).isTrue();
        assertThat(services.namespaceExists("nowhere")).isFalse();
    }

    @Test
    void deploymentImageByContainerNameOrFirst() {
        assertThat(services.deploymentImage("istio-system", "istiocoredns", "coredns"))
                .contains("coredns/coredns:1.6.2");
        assertThat(services.deploymentImage("istio-system", "istiocoredns", "istio-coredns-plugin"))
                .contains("istio/coredns-plugin:0.2-istio-1.1");
        assertThat(services.deploymentImage("istio-system", "istiocoredns", null)).contains("coredns/coredns:1.6.2");
        assertThat(services.deploymentImage("istio-system", "istiocoredns", "missing")).isEmpty();
        assertThat(services.deploymentImage("istio-system", "absent", null)).isEmpty();
    }

    @Test
    void providerIdsSkipNodesWithout() {
        api.admin.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata().withNewSpec()
                .withProviderID("gce://proj/europe-west1-b/n1").endSpec().build()).create();
        api.admin.nodes().resource(new NodeBuilder().withNewMetadata().withName("n2").endMetadata().withNewSpec()
                .withProviderID("aws:///us-east-1a/i-0abc").endSpec().build()).create();
        api.admin.nodes().resource(new NodeBuilder().withNewMetadata().withName("kind").endMetadata().build())
                .create();
        assertThat(services.nodeProviderIds()).containsExactlyInAnyOrder("gce://proj/europe-west1-b/n1",
                "aws:///us-east-1a/i-0abc");
    }

    @Test
    void rolloutRestartAnnotatesThePodTemplateAndKeepsTheRest() {
        Instant before = Instant.now().minusSeconds(1);
        services.rolloutRestart("istio-system", "istiocoredns");

        Deployment d = api.admin.apps().deployments().inNamespace("istio-system").withName("istiocoredns").get();
        String restartedAt = d.getSpec().getTemplate().getMetadata().getAnnotations()
                .get("kubectl.kubernetes.io/restartedAt");
        assertThat(Instant.parse(restartedAt)).isAfter(before).isBeforeOrEqualTo(Instant.now());
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("sidecar.istio.io/inject", "false");
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(2);
    }

    @Test
    void restartingAMissingDeploymentIsExit5() {
        assertThatThrownBy(() -> services.rolloutRestart("kube-system", "coredns"))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
                    assertThat(e.getMessage()).isEqualTo("deployment kube-system/coredns does not exist, so it cannot"
                            + " be restarted");
                });
    }
}
