package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe pod against the CRUD mock: a helper thread plays kubelet (finds the pod, records what the server
 * stored, sets its phase); the pod must be gone afterwards whatever happened.
 */
class Fabric8ProbePodsTest {
    private MockApi api;

    @BeforeEach
    void start() {
        api = MockApi.crud();
        api.namespaces("default");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Waits for the probe pod to appear, remembers it, then applies {@code status} to it. */
    private CompletableFuture<Pod> kubelet(java.util.function.UnaryOperator<PodBuilder> status) {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                List<Pod> pods = api.admin.pods().inNamespace("default").list().getItems();
                if (!pods.isEmpty()) {
                    Pod pod = pods.get(0);
                    api.admin.pods().inNamespace("default").resource(status.apply(new PodBuilder(pod)).build())
                            .update();
                    return pod;
                }
                sleep(20);
            }
            throw new IllegalStateException("no probe pod was created");
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Pod> pods() {
        return api.admin.pods().inNamespace("default").list().getItems();
    }

    @Test
    void aSucceededPodIsReportedAndDeleted() throws Exception {
        CompletableFuture<Pod> seen = kubelet(b -> b.withNewStatus().withPhase("Succeeded").endStatus());

        ProbePods.ProbeResult result = api.cluster.probePods().run("default", "busybox:1.36",
                List.of("sh", "-c", "nslookup my-fruits.internal"), Duration.ofSeconds(10));

        Pod pod = seen.get(5, TimeUnit.SECONDS);
        assertThat(result.phase()).isEqualTo("Succeeded");
        assertThat(result.podName()).isEqualTo(pod.getMetadata().getName()).startsWith("svcalias-verify-");
        assertThat(result.log()).isNotNull();
        assertThat(pods()).isEmpty();
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("sidecar.istio.io/inject", "false");
        assertThat(pod.getMetadata().getLabels()).containsEntry("istio.io/dataplane-mode", "none")
                .containsEntry("sidecar.istio.io/inject", "false");
    }

    @Test
    void thePodTheServerGetsIsLockedDown() throws Exception {
        CompletableFuture<Pod> seen = kubelet(b -> b.withNewStatus().withPhase("Failed").endStatus());
        ProbePods.ProbeResult result = api.cluster.probePods().run("default", "registry.local/busybox:1.36",
                List.of("true"), Duration.ofSeconds(10));
        Pod pod = seen.get(5, TimeUnit.SECONDS);

        assertThat(result.phase()).isEqualTo("Failed");
        assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "svcalias");
        var spec = pod.getSpec();
        assertThat(spec.getRestartPolicy()).isEqualTo("Never");
        assertThat(spec.getAutomountServiceAccountToken()).isFalse();
        assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(spec.getSecurityContext().getRunAsUser()).isEqualTo(65534L);
        var container = spec.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.local/busybox:1.36");
        assertThat(container.getCommand()).containsExactly("true");
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        Map<String, Quantity> limits = Map.of("cpu", new Quantity("50m"), "memory", new Quantity("32Mi"));
        assertThat(container.getResources().getLimits()).isEqualTo(limits);
        assertThat(container.getResources().getRequests()).isEqualTo(limits);
        assertThat(pods()).isEmpty();
    }

    @Test
    void aPodThatNeverRunsMeansCouldNotVerifyNamesWhatHeldItAndIsDeleted() {
        kubelet(b -> b.withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage("0/1 nodes are available: 1 Insufficient cpu.")
                .endCondition().endStatus());
        assertThatThrownBy(() -> api.cluster.probePods().run("default", "busybox:1.36", List.of("sleep", "1d"),
                Duration.ofMillis(1500)))
                .isInstanceOfSatisfying(dev.svcalias.error.SvcaliasException.class, e -> assertThat(e.exitCode())
                        .isEqualTo(dev.svcalias.error.ExitCode.CLUSTER_STATE))
                .hasMessageContaining("could not verify").hasMessageContaining("never ran (Pending (timed out after 1s)")
                .hasMessageContaining("not scheduled: Unschedulable (0/1 nodes are available: 1 Insufficient cpu.)");
        assertThat(pods()).isEmpty();
    }

    @Test
    void anImageThatCannotBePulledEndsTheWaitAtOnce() {
        kubelet(b -> b.withNewStatus().withPhase("Pending").withContainerStatuses(new ContainerStatusBuilder()
                .withName("probe").withNewState().withNewWaiting().withReason("ErrImagePull")
                .withMessage("pull access denied for nope/busybox").endWaiting().endState().build()).endStatus());
        long start = System.nanoTime();
        assertThatThrownBy(() -> api.cluster.probePods().run("default", "nope/busybox", List.of("true"),
                Duration.ofSeconds(30))).isInstanceOfSatisfying(dev.svcalias.error.SvcaliasException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(dev.svcalias.error.ExitCode.CLUSTER_STATE))
                .hasMessageContaining("never ran (Pending (ErrImagePull: pull access denied for nope/busybox))");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(pods()).isEmpty();
    }

    @Test
    void theLogIsReturnedAndThePodDeleted() throws Exception {
        try (MockApi mock = MockApi.expectations()) {
            String path = "/api/v1/namespaces/default/pods";
            Pod created = new PodBuilder(Fabric8ProbePods.spec("default", "busybox:1.36", List.of("true")))
                    .editMetadata().withName("svcalias-verify-x7k2q").withResourceVersion("1").endMetadata().build();
            mock.server.expect().post().withPath(path).andReturn(201, created).once();
            mock.server.expect().get().withPath(path + "/svcalias-verify-x7k2q").andReturn(200, new PodBuilder(created)
                    .withNewStatus().withPhase("Succeeded").endStatus().build()).always();
            mock.server.expect().get().withPath(path + "/svcalias-verify-x7k2q/log?pretty=false")
                    .andReturn(200, "Server:\t\t10.96.0.10\nName:\tmy-fruits.internal\nAddress: 10.103.1.1\n").always();
            mock.server.expect().delete().withPath(path + "/svcalias-verify-x7k2q").andReturn(200, created).once();

            ProbePods.ProbeResult result = mock.cluster.probePods().run("default", "busybox:1.36", List.of("true"),
                    Duration.ofSeconds(5));

            assertThat(result).isEqualTo(new ProbePods.ProbeResult("svcalias-verify-x7k2q", "Succeeded",
                    "Server:\t\t10.96.0.10\nName:\tmy-fruits.internal\nAddress: 10.103.1.1\n"));
            List<String> requests = new java.util.ArrayList<>();
            for (int i = mock.server.getRequestCount(); i > 0; i--) {
                var r = mock.server.takeRequest(1, TimeUnit.SECONDS);
                requests.add(r.getMethod() + " " + r.getPath());
            }
            // the pod is deleted once its log is read (a list of the pod by name, the wait's, may still land after it)
            int log = requests.indexOf("GET " + path + "/svcalias-verify-x7k2q/log?pretty=false");
            assertThat(log).as(requests.toString()).isNotNegative();
            assertThat(requests.indexOf("DELETE " + path + "/svcalias-verify-x7k2q")).as(requests.toString())
                    .isGreaterThan(log);
            assertThat(requests.subList(log, requests.size())).as(requests.toString())
                    .noneMatch(r -> r.startsWith("POST "));
        }
    }

    @Test
    void theSidecarProbeAsksForInjectionAndDnsCaptureAndTheAmbientProbeForAmbient() throws Exception {
        CompletableFuture<Pod> seen = kubelet(b -> b.withNewStatus().withPhase("Succeeded").endStatus());
        ProbePods.ProbeResult result = api.cluster.probePods().run("default", "busybox:1.36", List.of("true"),
                Duration.ofSeconds(10), ProbePods.Meshing.SIDECAR);
        Pod pod = seen.get(5, TimeUnit.SECONDS);
        assertThat(result.podName()).startsWith("svcalias-verify-meshed-");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("sidecar.istio.io/inject", "true")
                .containsEntry("proxy.istio.io/config", "{\"holdApplicationUntilProxyStarts\":true,"
                        + "\"proxyMetadata\":{\"ISTIO_META_DNS_CAPTURE\":\"true\"}}");
        assertThat(pod.getMetadata().getLabels()).containsEntry("sidecar.istio.io/inject", "true")
                .containsEntry("istio.io/dataplane-mode", "none").containsEntry("app.kubernetes.io/managed-by",
                        "svcalias");
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSpec().getContainers()).singleElement().satisfies(c -> assertThat(c.getName())
                .isEqualTo("probe"));
        assertThat(pods()).isEmpty();

        Pod ambient = Fabric8ProbePods.spec("default", "busybox:1.36", List.of("true"), ProbePods.Meshing.AMBIENT);
        assertThat(ambient.getMetadata().getLabels()).containsEntry("istio.io/dataplane-mode", "ambient")
                .containsEntry("sidecar.istio.io/inject", "false");
        assertThat(ambient.getMetadata().getAnnotations()).containsEntry("sidecar.istio.io/inject", "false")
                .doesNotContainKey("proxy.istio.io/config");
    }

    @Test
    void aSidecarProbesLogIsReadFromTheProbeContainer() throws Exception {
        try (MockApi mock = MockApi.expectations()) {
            String path = "/api/v1/namespaces/default/pods";
            Pod created = new PodBuilder(Fabric8ProbePods.spec("default", "busybox:1.36", List.of("true"),
                    ProbePods.Meshing.SIDECAR)).editMetadata().withName("svcalias-verify-meshed-x7k2q")
                    .withResourceVersion("1").endMetadata().build();
            mock.server.expect().post().withPath(path).andReturn(201, created).once();
            mock.server.expect().get().withPath(path + "/svcalias-verify-meshed-x7k2q").andReturn(200,
                    new PodBuilder(created).withNewStatus().withPhase("Succeeded").endStatus().build()).always();
            // two containers (probe, istio-proxy): the API answers 400 unless the container is named
            mock.server.expect().get().withPath(path + "/svcalias-verify-meshed-x7k2q/log?pretty=false")
                    .andReturn(400, "a container name must be specified").always();
            mock.server.expect().get().withPath(path + "/svcalias-verify-meshed-x7k2q/log?pretty=false&container=probe")
                    .andReturn(200, "Name:\tmy-fruits.internal\nAddress: 10.103.1.1\n").always();
            mock.server.expect().delete().withPath(path + "/svcalias-verify-meshed-x7k2q").andReturn(200, created)
                    .once();

            ProbePods.ProbeResult result = mock.cluster.probePods().run("default", "busybox:1.36", List.of("true"),
                    Duration.ofSeconds(5), ProbePods.Meshing.SIDECAR);

            assertThat(result.log()).isEqualTo("Name:\tmy-fruits.internal\nAddress: 10.103.1.1\n");
        }
    }
}
