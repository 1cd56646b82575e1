package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.FakeDnsServer;
import dev.svcalias.testing.OnRecipeCluster;
import dev.svcalias.testing.RecipeCluster;
import org.junit.jupiter.api.Test;

/** verify --meshed through the production wiring (mock API): the meshed probe pod, and where --meshed is refused. */
class VerifyMeshedTest extends OnRecipeCluster {
    static final String FRUITS = ModesTest.FRUITS;

    /** Without --proxy-nameserver, --meshed runs a second, meshed probe pod (a thread stands in for kubelet). */
    @Test
    void verifyMeshedWithoutAProxyAddressRunsAMeshedProbePod() throws Exception {
        cluster.removeIstiocoredns();
        assertThat(CliRun.run("init", "--domain", "internal", "--mode", "istio", kc).exitCode()).isZero();
        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        java.util.concurrent.CompletableFuture<io.fabric8.kubernetes.api.model.Pod> kubelet =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    for (int i = 0; i < 400; i++) {
                        var pods = cluster.client.pods().inNamespace("default").list().getItems();
                        if (!pods.isEmpty()) {
                            var pod = pods.get(0);
                            cluster.client.pods().inNamespace("default").resource(new io.fabric8.kubernetes.api.model
                                    .PodBuilder(pod).withNewStatus().withPhase("Succeeded").endStatus().build()).update();
                            return pod;
                        }
                        try {
                            Thread.sleep(25);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    throw new IllegalStateException("no meshed probe pod was created");
                });
        try (FakeDnsServer dns = new FakeDnsServer(q -> q.name().equals("my-fruits.internal") && q.type().equals("A")
                ? FakeDnsServer.Reply.of(RecipeCluster.FRUITS_IP) : FakeDnsServer.Reply.of())) {
            CliRun verify = CliRun.run("verify", "--nameserver", dns.address(), "--meshed", kc);
            var pod = kubelet.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(pod.getMetadata().getName()).startsWith("svcalias-verify-meshed-");
            assertThat(pod.getMetadata().getAnnotations()).containsEntry("sidecar.istio.io/inject", "true")
                    .containsEntry("proxy.istio.io/config", "{\"holdApplicationUntilProxyStarts\":true,"
                            + "\"proxyMetadata\":{\"ISTIO_META_DNS_CAPTURE\":\"true\"}}");
            assertThat(pod.getSpec().getContainers().get(0).getCommand()).contains(RecipeCluster.KUBE_DNS_IP)
                    .anySatisfy(a -> assertThat(a).contains("quitquitquit"));
            // the mock has no kubelet to run nslookup: the pod ends without answers, reported apart from kube-dns's
            assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(3);
            assertThat(verify.out()).contains("Through the mesh's DNS proxy (" + RecipeCluster.KUBE_DNS_IP
                    + " (from a meshed pod in default, its sidecar's DNS proxy))").contains("before answering");
            assertThat(cluster.client.pods().inNamespace("default").list().getItems()).as("cleaned up").isEmpty();
        }
    }

    @Test
    void verifyMeshedOutsideIstioModeIsUsageBeforeAnyPod() {
        cluster.removeIstiocoredns();
        assertThat(CliRun.run("init", "--domain", "internal", "--mode", "coredns", kc).exitCode()).isZero();
        CliRun verify = CliRun.run("verify", "--meshed", kc);
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(2);
        assertThat(verify.err()).contains("--meshed checks the Istio DNS proxy, but zone internal is in coredns mode");
        assertThat(cluster.client.pods().inAnyNamespace().list().getItems()).isEmpty();
    }

}
