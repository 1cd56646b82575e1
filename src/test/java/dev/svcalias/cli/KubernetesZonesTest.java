package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 3: every zone the kubernetes plugin serves is protected, not only its first (the cluster domain).
 * With {@code kubernetes cluster.local corp.k8s ...}, a block for corp.k8s would hide every corp.k8s Service name.
 */
class KubernetesZonesTest {
    private static final String TWO_ZONES = RecipeCluster.corpus("kubeadm-1.28.corefile")
            .replace("kubernetes cluster.local in-addr.arpa", "kubernetes cluster.local corp.k8s in-addr.arpa");

    @TempDir
    Path dir;

    @Test
    void theCorefileHasBothZones() {
        assertThat(TWO_ZONES).contains("kubernetes cluster.local corp.k8s in-addr.arpa ip6.arpa {");
    }

    @Test
    void stubDomainRefusesEveryZoneOfTheKubernetesPlugin() throws Exception {
        Path file = dir.resolve("Corefile");
        Files.writeString(file, TWO_ZONES);
        for (String zone : new String[] {"corp.k8s", "svc.corp.k8s", "k8s"}) {
            for (String command : new String[] {"stub-domain", "istio"}) {
                CliRun run = command.equals("istio")
                        ? CliRun.run("corefile", "istio", "--domain", zone, "--coredns-version", "1.6.2", "--file",
                        file.toString())
                        : CliRun.run("corefile", "stub-domain", "--domain", zone, "--forward-to", "10.96.100.53",
                        "--file", file.toString());
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
                assertThat(run.out()).isEmpty();
                assertThat(run.err()).startsWith("error: --domain " + zone + " ").contains("corp.k8s")
                        .contains("kubernetes plugin").contains("; fix: ").hasLineCount(1);
            }
        }
        CliRun other = CliRun.run("corefile", "stub-domain", "--domain", "internal", "--forward-to", "10.96.100.53",
                "--file", file.toString());
        assertThat(other.exitCode()).as(other.toString()).isZero();
    }

    @Test
    void initRefusesItBeforeAnyWrite() {
        try (RecipeCluster cluster = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            ConfigMap cm = cluster.client.configMaps().inNamespace("kube-system").withName("coredns").get();
            cm.getData().put("Corefile", TWO_ZONES);
            cluster.client.configMaps().inNamespace("kube-system").resource(cm).update();
            String version = resourceVersion(cluster, "kube-system");
            String istioVersion = resourceVersion(cluster, "istio-system");

            CliRun run = CliRun.run("init", "--domain", "corp.k8s", cluster.kubeconfigFlag());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: --domain corp.k8s ").contains("kubernetes plugin")
                    .contains("; fix: ").hasLineCount(1);
            assertThat(cluster.corefile("kube-system")).isEqualTo(TWO_ZONES);
            assertThat(resourceVersion(cluster, "kube-system")).isEqualTo(version);
            assertThat(resourceVersion(cluster, "istio-system")).isEqualTo(istioVersion);

            CliRun dryRun = CliRun.run("init", "--domain", "corp.k8s", "--dry-run", cluster.kubeconfigFlag());
            assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(2);
            assertThat(CliRun.run("init", "--domain", "internal", cluster.kubeconfigFlag()).exitCode()).isZero();
        }
    }

    private static String resourceVersion(RecipeCluster cluster, String namespace) {
        return cluster.client.configMaps().inNamespace(namespace).withName("coredns").get().getMetadata()
                .getResourceVersion();
    }
}
