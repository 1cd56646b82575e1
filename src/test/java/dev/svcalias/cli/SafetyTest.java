package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.Fabric8ClusterConnector;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.InterceptingConnector;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dry runs, conflicting writers, rollback, backups: the promises that keep cluster DNS safe. */
class SafetyTest {
    @TempDir
    Path dir;
    RecipeCluster cluster;

    @BeforeEach
    void start() {
        cluster = new RecipeCluster(Era.COREDNS_1_6_2, dir);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void dryRunPrintsDiffsAndWritesNothing() {
        String rvBefore = resourceVersion("kube-system");
        CliRun run = CliRun.run("init", "--domain", "internal", "--dry-run", cluster.kubeconfigFlag());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("--- a/kube-system/coredns (Corefile)").contains("+++ b/istio-system/coredns")
                .contains("+    forward . " + RecipeCluster.ISTIOCOREDNS_IP).contains("dry run");
        assertThat(cluster.corefile("kube-system")).isEqualTo(cluster.kubeDnsCorefile);
        assertThat(cluster.corefile("istio-system")).isEqualTo(cluster.istioCorefile);
        assertThat(resourceVersion("kube-system")).isEqualTo(rvBefore);

        assertThat(CliRun.run("init", "--domain", "internal", cluster.kubeconfigFlag()).exitCode()).isZero();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", "--dry-run",
                cluster.kubeconfigFlag());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).contains("kind: ServiceEntry").contains("- my-fruits.internal")
                .contains("location: MESH_INTERNAL").contains("resolution: DNS").contains("- " + RecipeCluster.FRUITS_IP)
                .contains("address: fruits-api-service.micro-shake-factory.svc.cluster.local");
        assertThat(CliRun.run("alias", "list", "-o", "json", cluster.kubeconfigFlag()).out())
                .contains("\"aliases\": []");
    }

    @Test
    void aConcurrentEditIsKeptAndTheEditReapplied() {
        AtomicInteger writes = new AtomicInteger();
        InterceptingConnector connector = new InterceptingConnector(new Fabric8ClusterConnector(), (read, text) -> {
            if (read.ref().namespace().equals("kube-system") && writes.getAndIncrement() == 0) {
                // another operator adds a comment between svcalias's read and its write
                ConfigMap cm = cluster.client.configMaps().inNamespace("kube-system").withName("coredns").get();
                cm.getData().put("Corefile", "# edited by someone else\n" + cm.getData().get("Corefile"));
                cluster.client.configMaps().inNamespace("kube-system").resource(cm).update();
            }
        });
        CliRun run = CliRun.runWith(connector, Map.of(), "", "init", "--domain", "internal", cluster.kubeconfigFlag());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(cluster.corefile("kube-system")).startsWith("# edited by someone else\n" + cluster.kubeDnsCorefile)
                .contains("forward . " + RecipeCluster.ISTIOCOREDNS_IP);
        assertThat(writes.get()).isEqualTo(2);
    }

    @Test
    void endlessConflictsStopWithExitCode5() {
        InterceptingConnector connector = new InterceptingConnector(new Fabric8ClusterConnector(), (read, text) -> {
            if (read.ref().namespace().equals("istio-system")) {
                ConfigMap cm = cluster.client.configMaps().inNamespace("istio-system").withName("coredns").get();
                cm.getData().put("Corefile", cm.getData().get("Corefile") + "# again\n");
                cluster.client.configMaps().inNamespace("istio-system").resource(cm).update();
            }
        });
        CliRun run = CliRun.runWith(connector, Map.of(), "", "init", "--domain", "internal", cluster.kubeconfigFlag());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.err()).contains("kept changing").hasLineCount(1);
        assertThat(cluster.corefile("istio-system")).doesNotContain("svcalias");
        assertThat(cluster.corefile("kube-system")).isEqualTo(cluster.kubeDnsCorefile);
    }

    @Test
    void whenTheSecondWriteFailsTheFirstIsRolledBack() {
        InterceptingConnector connector = new InterceptingConnector(new Fabric8ClusterConnector(), (read, text) -> {
            if (read.ref().namespace().equals("kube-system")) {
                throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "forbidden: cannot update configmaps in "
                        + "namespace kube-system", "grant update on configmaps");
            }
        });
        CliRun run = CliRun.runWith(connector, Map.of(), "", "init", "--domain", "internal", cluster.kubeconfigFlag());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("forbidden").contains("rolled back").hasLineCount(1);
        assertThat(cluster.corefile("istio-system")).isEqualTo(cluster.istioCorefile);
        assertThat(cluster.corefile("kube-system")).isEqualTo(cluster.kubeDnsCorefile);
        assertThat(annotations("istio-system")).doesNotContainKey("svcalias.dev/original-corefile");
    }

    @Test
    void theOriginalIsBackedUpAndRestorable() {
        assertThat(CliRun.run("init", "--domain", "internal", cluster.kubeconfigFlag()).exitCode()).isZero();
        assertThat(annotations("kube-system")).containsEntry("svcalias.dev/original-corefile", cluster.kubeDnsCorefile);
        // someone reformats the file afterwards; --restore-backup brings the original back verbatim
        ConfigMap cm = cluster.client.configMaps().inNamespace("kube-system").withName("coredns").get();
        cm.getData().put("Corefile", cm.getData().get("Corefile").replace("    ", "\t"));
        cluster.client.configMaps().inNamespace("kube-system").resource(cm).update();
        CliRun reset = CliRun.run("reset", "--restore-backup", cluster.kubeconfigFlag());
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(cluster.corefile("kube-system")).isEqualTo(cluster.kubeDnsCorefile);
        assertThat(cluster.corefile("istio-system")).isEqualTo(cluster.istioCorefile);
        assertThat(annotations("kube-system")).doesNotContainKey("svcalias.dev/original-corefile");
    }

    private String resourceVersion(String ns) {
        return cluster.client.configMaps().inNamespace(ns).withName("coredns").get().getMetadata().getResourceVersion();
    }

    private Map<String, String> annotations(String ns) {
        Map<String, String> a = cluster.client.configMaps().inNamespace(ns).withName("coredns").get().getMetadata()
                .getAnnotations();
        return a == null ? Map.of() : a;
    }
}
