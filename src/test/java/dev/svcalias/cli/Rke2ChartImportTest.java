package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.cluster.Fabric8ClusterConnector;
import dev.svcalias.cluster.HelmChartConfigs;
import dev.svcalias.cluster.HelmValuesSnapshot;
import dev.svcalias.testbed.Rke2CorednsChart;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * RKE2 whose rke2-coredns chart does not import coredns-custom (its default): through the production wiring
 * against the mock API, svcalias writes its block as a coredns-custom key and the chart values that import it
 * into the HelmChartConfig kube-system/rke2-coredns (created, or merged as text into the user's valuesContent),
 * re-runs change nothing, and reset gives back the HelmChartConfig byte for byte (or deletes the one it created).
 */
class Rke2ChartImportTest {
    static final ResourceDefinitionContext HCC = new ResourceDefinitionContext.Builder().withGroup("helm.cattle.io")
            .withVersion("v1").withKind("HelmChartConfig").withPlural("helmchartconfigs").withNamespaced(true).build();
    /** A HelmChartConfig a user keeps for rke2-coredns (public shapes: platforms/SOURCES.md), no final line break. */
    static final String USER_VALUES = "nodelocal:\n  enabled: true\nautoscaler:\n  enabled: false  # one node\n"
            + "extraVolumes:\n- name: hosts\n  configMap:\n    name: my-hosts\nextraVolumeMounts:\n- name: hosts\n"
            + "  mountPath: /etc/coredns/hosts\nservers:\n- zones:\n  - zone: .\n    use_tcp: true\n  port: 53\n"
            + "  plugins:\n  - name: errors\n  - name: forward\n    parameters: . /etc/resolv.conf";

    @TempDir
    Path dir;

    private static CliRun run(int expected, String... args) {
        return CliRun.expect(expected, args);
    }

    private static GenericKubernetesResource hcc(RecipeCluster c) {
        return c.client.genericKubernetesResources(HCC).inNamespace("kube-system").withName("rke2-coredns").get();
    }

    private static String values(RecipeCluster c) {
        return String.valueOf(((Map<?, ?>) hcc(c).getAdditionalProperties().get("spec")).get("valuesContent"));
    }

    private static ConfigMap cm(RecipeCluster c, String name) {
        return c.client.configMaps().inNamespace("kube-system").withName(name).get();
    }

    static void userHelmChartConfig(RecipeCluster c, String valuesContent, Map<String, String> labels) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion("helm.cattle.io/v1");
        r.setKind("HelmChartConfig");
        r.setMetadata(new ObjectMetaBuilder().withName("rke2-coredns").withNamespace("kube-system")
                .withLabels(labels).build());
        r.getAdditionalProperties().put("spec", Map.of("valuesContent", valuesContent));
        c.client.genericKubernetesResources(HCC).inNamespace("kube-system").resource(r).create();
    }

    @Test
    void theTestsChartRendererGivesTheHelmRenderedDefaultCorefile() {
        // Rke2CorednsChart (used by Rke2ChartImportRealIT) against what Helm rendered from the chart (SOURCES.md)
        assertThat(Rke2CorednsChart.corefile(Rke2CorednsChart.defaults()))
                .isEqualTo(PlatformSeeds.file("rke2-coredns.corefile"));
        assertThat(Rke2CorednsChart.corefile(Rke2CorednsChart.values("global:\n  clusterDomain: corp.local\n")))
                .contains("kubernetes  corp.local  in-addr.arpa ip6.arpa {");
    }

    @Test
    void createsTheHelmChartConfigWithTheImportAndResetDeletesIt() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            String rendered = PlatformSeeds.file("rke2-coredns.corefile");
            new PlatformSeeds(c.client).rke2(rendered);
            String kc = c.kubeconfigFlag();

            CliRun dry = run(0, "init", "--domain", "internal", "--dry-run", kc);
            assertThat(dry.out()).contains("# create helmchartconfig kube-system/rke2-coredns")
                    .contains("+++ b/kube-system/rke2-coredns (valuesContent)")
                    .contains("+    parameters: /etc/coredns/custom/*.server")
                    .contains("+++ b/kube-system/coredns-custom (svcalias-internal.server)");
            assertThat(hcc(c)).isNull();
            assertThat(cm(c, "coredns-custom")).isNull();

            CliRun init = run(0, "init", "--domain", "internal", kc);
            assertThat(init.out()).contains("made the rke2-coredns chart import kube-system/coredns-custom");
            Map<String, Object> v = new Yaml().load(values(c));
            assertThat(v).containsEntry("extraConfig", Map.of("import", Map.of("parameters",
                    "/etc/coredns/custom/*.server")));
            assertThat(v).containsEntry("extraVolumes", List.of(Map.of("name", "svcalias-coredns-custom",
                    "configMap", Map.of("name", "coredns-custom", "optional", true))));
            assertThat(v).containsEntry("extraVolumeMounts", List.of(Map.of("name", "svcalias-coredns-custom",
                    "mountPath", "/etc/coredns/custom", "readOnly", true)));
            assertThat(v).as("the chart's servers (and their use_tcp) stay the chart's").doesNotContainKey("servers");
            assertThat(hcc(c).getMetadata().getAnnotations()).containsEntry("svcalias.dev/created", "true")
                    .doesNotContainKey("svcalias.dev/original-values-content");
            assertThat(cm(c, "coredns-custom").getData().get("svcalias-internal.server"))
                    .startsWith("# svcalias:begin zone=internal kind=stub-domain platform=rke2")
                    .contains("internal:53 {").contains("forward . " + RecipeCluster.ISTIOCOREDNS_IP);
            assertThat(cm(c, "rke2-coredns-rke2-coredns").getData().get("Corefile")).isEqualTo(rendered);
            String rv = hcc(c).getMetadata().getResourceVersion();

            assertThat(run(0, "init", "--domain", "internal", kc).out()).contains("unchanged");
            assertThat(hcc(c).getMetadata().getResourceVersion()).isEqualTo(rv);
            assertThat(run(0, "status", kc).out()).contains("Platform:       rke2").contains("internal");

            run(0, "reset", kc);
            assertThat(hcc(c)).as("svcalias created it, nothing else is in it").isNull();
            assertThat(cm(c, "coredns-custom")).isNull();
            assertThat(c.corefile("istio-system")).isEqualTo(c.istioCorefile);
        }
    }

    @Test
    void mergesIntoTheUsersValuesAndResetGivesBackEveryByte() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).rke2(PlatformSeeds.file("rke2-coredns.corefile"));
            userHelmChartConfig(c, USER_VALUES, Map.of());
            Map<String, Object> before = new Yaml().load(USER_VALUES);
            String kc = c.kubeconfigFlag();

            run(0, "init", "--domain", "internal", kc);
            String merged = values(c);
            assertThat(merged).startsWith("nodelocal:\n  enabled: true\nautoscaler:\n  enabled: false  # one node\n");
            Map<String, Object> v = new Yaml().load(merged);
            assertThat(v.get("servers")).as("the user's servers, untouched").isEqualTo(before.get("servers"));
            assertThat(v.get("nodelocal")).isEqualTo(before.get("nodelocal"));
            List<Object> volumes = List.copyOf((List<?>) v.get("extraVolumes"));
            assertThat(volumes).hasSize(2).containsAll(List.copyOf((List<?>) before.get("extraVolumes")));
            assertThat((List<?>) v.get("extraVolumeMounts")).hasSize(2);
            assertThat(hcc(c).getMetadata().getAnnotations()).containsEntry("svcalias.dev/original-values-content",
                    USER_VALUES).doesNotContainKey("svcalias.dev/created");

            run(0, "alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
            run(0, "reset", kc);
            assertThat(values(c)).isEqualTo(USER_VALUES);
            assertThat(hcc(c).getMetadata().getAnnotations() == null ? Map.of()
                    : hcc(c).getMetadata().getAnnotations()).doesNotContainKey("svcalias.dev/original-values-content");
        }
    }

    @Test
    void afterHelmControllerRenderedTheImportResetStillTakesTheValuesOut() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            String rendered = PlatformSeeds.file("rke2-coredns.corefile");
            PlatformSeeds seeds = new PlatformSeeds(c.client);
            seeds.rke2(rendered);
            userHelmChartConfig(c, "autoscaler:\n  enabled: false\n", Map.of());
            String kc = c.kubeconfigFlag();
            run(0, "init", "--domain", "internal", kc);
            // helm-controller's upgrade renders extraConfig.import as the Corefile's first line
            c.client.configMaps().inNamespace("kube-system").withName("rke2-coredns-rke2-coredns").edit(cm -> {
                cm.getData().put("Corefile", "import /etc/coredns/custom/*.server\n" + rendered);
                return cm;
            });
            String rv = hcc(c).getMetadata().getResourceVersion();
            assertThat(run(0, "init", "--domain", "internal", kc).out()).contains("unchanged");
            assertThat(hcc(c).getMetadata().getResourceVersion()).isEqualTo(rv);

            run(0, "reset", kc);
            assertThat(values(c)).isEqualTo("autoscaler:\n  enabled: false\n");
            assertThat(cm(c, "coredns-custom")).isNull();
        }
    }

    @Test
    void valuesItCannotMergeAreRefusedBeforeAnyWrite() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).rke2(PlatformSeeds.file("rke2-coredns.corefile"));
            String theirs = "extraConfig:\n  import:\n    parameters: /opt/coredns/*.conf\n";
            userHelmChartConfig(c, theirs, Map.of());
            CliRun init = run(5, "init", "--domain", "internal", c.kubeconfigFlag());
            assertThat(init.err()).contains("helmchartconfig kube-system/rke2-coredns cannot take svcalias's import")
                    .contains("already set extraConfig.import").hasLineCount(1);
            assertThat(values(c)).isEqualTo(theirs);
            assertThat(cm(c, "coredns-custom")).isNull();
            assertThat(c.corefile("istio-system")).isEqualTo(c.istioCorefile);
        }
    }

    @Test
    void aHelmChartConfigFromRke2sManifestsDirectoryIsRefused() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).rke2(PlatformSeeds.file("rke2-coredns.corefile"));
            userHelmChartConfig(c, "autoscaler:\n  enabled: false\n", Map.of("objectset.rio.cattle.io/hash", "9f2"));
            CliRun init = run(5, "init", "--domain", "internal", c.kubeconfigFlag());
            assertThat(init.err()).contains("packaged manifests").contains("/var/lib/rancher/rke2/server/manifests")
                    .hasLineCount(1);
            assertThat(cm(c, "coredns-custom")).isNull();
        }
    }

    @Test
    void aConcurrentEditOfTheValuesIsKeptAndTheImportReapplied() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).rke2(PlatformSeeds.file("rke2-coredns.corefile"));
            userHelmChartConfig(c, "autoscaler:\n  enabled: false\n", Map.of());
            AtomicInteger writes = new AtomicInteger();
            ClusterConnector racing = racing(() -> {
                if (writes.getAndIncrement() == 0) { // someone edits the values between svcalias's read and write
                    GenericKubernetesResource r = hcc(c);
                    r.getAdditionalProperties().put("spec", Map.of("valuesContent",
                            "autoscaler:\n  enabled: false\nreplicaCount: 3\n"));
                    c.client.genericKubernetesResources(HCC).inNamespace("kube-system").resource(r).update();
                }
            });
            CliRun init = CliRun.runWith(racing, Map.of(), "", "init", "--domain", "internal", c.kubeconfigFlag());
            assertThat(init.exitCode()).as(init.toString()).isZero();
            assertThat(writes.get()).isEqualTo(2);
            assertThat(values(c)).startsWith("autoscaler:\n  enabled: false\nreplicaCount: 3\n")
                    .contains("parameters: /etc/coredns/custom/*.server");

            run(0, "reset", c.kubeconfigFlag());
            assertThat(values(c)).as("the other writer's edit stays").isEqualTo(
                    "autoscaler:\n  enabled: false\nreplicaCount: 3\n");
        }
    }

    @Test
    void structuredValuesThatWouldOverrideTheImportAreRefused() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).rke2(PlatformSeeds.file("rke2-coredns.corefile"));
            GenericKubernetesResource r = new GenericKubernetesResource();
            r.setApiVersion("helm.cattle.io/v1");
            r.setKind("HelmChartConfig");
            r.setMetadata(new ObjectMetaBuilder().withName("rke2-coredns").withNamespace("kube-system").build());
            r.getAdditionalProperties().put("spec", Map.of("values", Map.of("extraVolumes", List.of())));
            c.client.genericKubernetesResources(HCC).inNamespace("kube-system").resource(r).create();
            CliRun init = run(5, "init", "--domain", "internal", c.kubeconfigFlag());
            assertThat(init.err()).contains("sets extraVolumes in spec.values").hasLineCount(1);
            assertThat(cm(c, "coredns-custom")).isNull();
        }
    }

    /** The production connector whose HelmChartConfig writes run {@code beforeWrite} first. */
    private static ClusterConnector racing(Runnable beforeWrite) {
        ClusterConnector real = new Fabric8ClusterConnector();
        return (kubeconfig, context) -> {
            Cluster cluster = real.connect(kubeconfig, context);
            HelmChartConfigs configs = cluster.helmChartConfigs();
            HelmChartConfigs hooked = new HelmChartConfigs() {
                @Override
                public HelmValuesSnapshot read(String namespace, String name) {
                    return configs.read(namespace, name);
                }

                @Override
                public HelmValuesSnapshot write(HelmValuesSnapshot read, Optional<String> valuesContent,
                                                Map<String, Optional<String>> annotations) {
                    beforeWrite.run();
                    return configs.write(read, valuesContent, annotations);
                }
            };
            return (Cluster) Proxy.newProxyInstance(Cluster.class.getClassLoader(), new Class<?>[] {Cluster.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("helmChartConfigs")) {
                            return hooked;
                        }
                        try {
                            return method.invoke(cluster, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
