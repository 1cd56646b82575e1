package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while alias add writes its plan (a real svcalias process against the mock API server): istio mode writes
 * the alias's ExternalName Service, its VirtualService and its ServiceEntry; the signal lands while the
 * VirtualService's create is answered slowly. The plan still runs to its end (its writes are all or nothing), stderr
 * names what was written, and the process exits 143. Without the wait, the JVM would stop after the Service and
 * leave the alias without its ServiceEntry.
 */
class WriteInterruptedTest {
    private static final Duration SLOW = Duration.ofSeconds(3);
    @TempDir
    Path dir;

    /** Answers the VirtualService create {@link #SLOW}ly; everything else as the plain store does. */
    static final class SlowRoutes extends KubernetesCrudDispatcher {
        @Override
        public MockResponse handleCreate(RecordedRequest request) {
            MockResponse response = super.handleCreate(request);
            return request.getPath().contains("/virtualservices") ? response.setBodyDelay(SLOW) : response;
        }
    }

    @Test
    void sigtermWhileAliasAddWritesLetsThePlanFinishNamesItAndExits143() throws Exception {
        try (RecipeCluster cluster = new RecipeCluster(Era.COREDNS_1_6_2, dir, new SlowRoutes())) {
            String kc = cluster.kubeconfigFlag();
            CliRun init = CliRun.run("init", "--domain", "internal", "--mode", "istio", kc);
            assertThat(init.exitCode()).as(init.toString()).isZero();
            Path err = dir.resolve("err.txt");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), "dev.svcalias.Main", "alias", "add", "my-fruits",
                    "fruits-api-service.micro-shake-factory", kc)
                    .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile())
                    .redirectInput(new File("/dev/null")).start();
            try {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (p.isAlive() && aliasServices(cluster) == 0 && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertThat(p.isAlive()).as("alias add still writing; stderr: " + Files.readString(err)).isTrue();
                assertThat(entries(cluster)).as("the ServiceEntry comes after the slow VirtualService").isZero();
                assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("alias add ended after SIGTERM").isTrue();
                String stderr = Files.readString(err);
                assertThat(p.exitValue()).as(stderr).isEqualTo(143);
                assertThat(stderr).as(stderr).containsPattern("(?m)^error: interrupted after the write in flight "
                        + "finished: service svcalias-aliases/my-fruits-\\S+ \\(created\\), virtualservice "
                        + "micro-shake-factory/my-fruits.internal \\(created\\), serviceentry "
                        + "micro-shake-factory/my-fruits.internal \\(created\\); fix: nothing is half written");
                assertThat(entries(cluster)).as("the plan ran to its end").isEqualTo(1);
                CliRun list = CliRun.run("alias", "list", "-o", "json", kc);
                assertThat(list.out()).as(list.toString()).contains("\"inSync\": true");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    private static int aliasServices(RecipeCluster cluster) {
        return cluster.client.services().inNamespace("svcalias-aliases").list().getItems().size();
    }

    private static int entries(RecipeCluster cluster) {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inNamespace("micro-shake-factory").list().getItems().size();
    }
}
