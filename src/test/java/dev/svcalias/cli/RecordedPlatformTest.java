package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * init and status detect the platform; init records it next to the mode (the marker of svcalias's block, or an
 * annotation on kube-dns's ConfigMap), and alias add reads it back instead of detecting again: no node list, no
 * Deployment reads, no discovery. A cluster set up by an older svcalias (no record) is detected as before.
 */
class RecordedPlatformTest {
    @TempDir
    Path dir;

    private static CliRun run(int expected, String... args) {
        return CliRun.expect(expected, args);
    }

    /** The paths the mock server received since the last call (drains its queue). */
    private static List<String> requests(RecipeCluster c) throws InterruptedException {
        List<String> paths = new ArrayList<>();
        for (var r = c.server.takeRequest(10, TimeUnit.MILLISECONDS); r != null;
             r = c.server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            paths.add(r.getMethod() + " " + r.getPath());
        }
        return paths;
    }

    private static ConfigMap cm(RecipeCluster c, String name) {
        return c.client.configMaps().inNamespace("kube-system").withName(name).get();
    }

    @Test
    void aliasAddReadsThePlatformInitRecordedAndDetectsWithoutARecord() throws InterruptedException {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).eks(false);
            String kc = c.kubeconfigFlag();
            run(0, "init", "--domain", "svc.example", kc);
            assertThat(c.corefile("kube-system")).contains("# svcalias:begin zone=svc.example kind=stub-domain "
                    + "platform=eks - managed by svcalias");
            requests(c);

            run(0, "alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
            List<String> recorded = requests(c);
            assertThat(recorded).noneMatch(p -> p.contains("/nodes")).noneMatch(p -> p.contains("/deployments/"))
                    .anyMatch(p -> p.equals("GET /api/v1/namespaces/kube-system/configmaps/coredns"));

            // as an older svcalias left it: no platform in the marker, so detection runs (and still finds EKS)
            ConfigMap kubeDns = cm(c, "coredns");
            kubeDns.getData().put("Corefile", kubeDns.getData().get("Corefile").replace(" platform=eks", ""));
            c.client.configMaps().inNamespace("kube-system").resource(kubeDns).update();
            requests(c);
            run(0, "alias", "add", "my-apples", "fruits-api-service.micro-shake-factory", kc);
            List<String> detected = requests(c);
            assertThat(detected).anyMatch(p -> p.startsWith("GET /api/v1/nodes"))
                    .anyMatch(p -> p.contains("/deployments/coredns"));
            assertThat(detected.size()).isGreaterThan(recorded.size());

            // status always detects; init puts the record back
            assertThat(run(0, "status", kc).out()).contains("Platform:       eks").contains("eks.amazonaws.com");
            run(0, "init", "--domain", "svc.example", kc);
            assertThat(c.corefile("kube-system")).contains("kind=stub-domain platform=eks");
        }
    }

    @Test
    void theRecordWinsOverDetectionSoAPlatformChosenWithPlatformSticks() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).aks();
            String kc = c.kubeconfigFlag();
            run(0, "init", "--domain", "internal", kc);
            String key = cm(c, "coredns-custom").getData().get("svcalias-internal.server");
            assertThat(key).startsWith("# svcalias:begin zone=internal kind=stub-domain platform=aks ");
            // the Azure markers vanish (say, nodes replaced): alias add and reset still go to coredns-custom
            c.client.nodes().delete();
            run(0, "alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
            run(0, "reset", kc);
            assertThat(cm(c, "coredns-custom").getData() == null ? Map.of() : cm(c, "coredns-custom").getData())
                    .isEmpty();
        }
    }

    @Test
    void gkeRecordsThePlatformInAnAnnotationThatResetTakesAway() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).gke(false);
            String kc = c.kubeconfigFlag();
            run(0, "init", "--domain", "svc.example", kc);
            assertThat(cm(c, "kube-dns").getMetadata().getAnnotations()).containsEntry("svcalias.dev/platform", "gke");
            run(0, "alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
            run(0, "reset", "--aliases", kc);
            var annotations = cm(c, "kube-dns").getMetadata().getAnnotations();
            assertThat(annotations == null ? Map.of() : annotations).doesNotContainKey("svcalias.dev/platform");
        }
    }
}
