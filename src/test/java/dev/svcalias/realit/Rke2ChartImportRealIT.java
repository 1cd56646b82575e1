package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.MountedCoreDns;
import dev.svcalias.testbed.MountedCoreDns.Volume;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testbed.Rke2CorednsChart;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RKE2 whose rke2-coredns chart does not import coredns-custom: helm-controller's HelmChartConfig CRD, installed
 * in the real API server, takes svcalias's merge into a user's valuesContent; the Corefile the chart renders from
 * the merged values (Rke2CorednsChart, following the chart's template) and the volumes they mount load in real
 * CoreDNS, which answers the alias from svcalias's coredns-custom key through istiocoredns; reset gives the user's
 * valuesContent back byte for byte.
 */
class Rke2ChartImportRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    static final ResourceDefinitionContext HCC = new ResourceDefinitionContext.Builder().withGroup("helm.cattle.io")
            .withVersion("v1").withKind("HelmChartConfig").withPlural("helmchartconfigs").withNamespaced(true).build();
    /** A user's values: the autoscaler off, a hosts file mounted (so svcalias merges into existing lists). */
    static final String USER_VALUES = "autoscaler:\n  enabled: false\nextraVolumes:\n- name: hosts\n  configMap:\n"
            + "    name: my-hosts\n    optional: true\nextraVolumeMounts:\n- name: hosts\n  mountPath: /etc/coredns/hosts\n";

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofSeconds(2));

    @Test
    void theMergedValuesPassTheCrdAndTheRenderedChartAnswersTheAlias() {
        PlatformSeeds seeds = new PlatformSeeds(CLUSTER.client());
        seeds.helmChartConfigCrd();
        String rendered = PlatformSeeds.file("rke2-coredns.corefile");
        seeds.rke2(rendered);
        CLUSTER.awaitServed("helm.cattle.io/v1", "helmchartconfigs");
        GenericKubernetesResource user = new GenericKubernetesResource();
        user.setApiVersion("helm.cattle.io/v1");
        user.setKind("HelmChartConfig");
        user.setMetadata(new ObjectMetaBuilder().withName("rke2-coredns").withNamespace("kube-system").build());
        user.getAdditionalProperties().put("spec", Map.of("valuesContent", USER_VALUES));
        CLUSTER.client().genericKubernetesResources(HCC).inNamespace("kube-system").resource(user).create();
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();

        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        String valuesContent = valuesContent();
        assertThat(valuesContent).startsWith("autoscaler:\n  enabled: false\nextraVolumes:\n");

        // helm-controller's upgrade: Helm merges the values, the chart renders the ConfigMap and the volumes
        Map<String, Object> values = Rke2CorednsChart.values(valuesContent);
        String corefile = Rke2CorednsChart.corefile(values);
        assertThat(corefile).isEqualTo("import /etc/coredns/custom/*.server\n" + rendered);
        var cm = CLUSTER.client().configMaps().inNamespace("kube-system").withName("rke2-coredns-rke2-coredns").get();
        cm.getData().put("Corefile", corefile);
        CLUSTER.client().configMaps().inNamespace("kube-system").resource(cm).update();
        List<Volume> volumes = new ArrayList<>(List.of(new Volume("kube-system", "rke2-coredns-rke2-coredns", "")));
        volumes.addAll(mountedConfigMaps(values));
        assertThat(volumes).contains(new Volume("kube-system", "coredns-custom", "custom"));
        MountedCoreDns pod = CLUSTER.startMountedCoreDns("rke2-coredns", volumes,
                Map.of(RealCluster.ISTIOCOREDNS_IP, CLUSTER.istiocorednsAddress()), UnaryOperator.identity());
        Nameserver ns = Nameserver.parse(pod.address());

        DnsAnswer a = RecipeScenarioRealIT.eventually(() -> dns.query("my-fruits.internal", RecordType.A, ns),
                x -> x.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(a.addresses()).as(pod.logTail()).containsExactly(RealCluster.FRUITS_IP);
        assertThat(dns.query("my-fruits.internal", RecordType.AAAA, ns).rcode()).as(pod.logTail())
                .isEqualTo("NOERROR");
        DnsAnswer svc = dns.query("fruits-api-service.micro-shake-factory.svc.cluster.local", RecordType.A, ns);
        assertThat(svc.addresses()).as("the chart's own server block still serves the cluster")
                .containsExactly(RealCluster.FRUITS_IP);
        CliRun verify = CliRun.run("verify", "--nameserver", pod.address(), "--wait", "--timeout", "60s",
                "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + pod.logTail()).isZero();

        CliRun reset = CliRun.run("reset", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(valuesContent()).isEqualTo(USER_VALUES);
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns-custom").get())
                .as("svcalias created coredns-custom and nothing else is in it").isNull();
        pod.close();
    }

    private static String valuesContent() {
        GenericKubernetesResource r = CLUSTER.client().genericKubernetesResources(HCC).inNamespace("kube-system")
                .withName("rke2-coredns").get();
        return String.valueOf(((Map<?, ?>) r.getAdditionalProperties().get("spec")).get("valuesContent"));
    }

    /** ConfigMap volumes of extraVolumes mounted under /etc/coredns by extraVolumeMounts, as MountedCoreDns mounts. */
    @SuppressWarnings("unchecked")
    private static List<Volume> mountedConfigMaps(Map<String, Object> values) {
        List<Volume> out = new ArrayList<>();
        for (Object m : (List<Object>) values.get("extraVolumeMounts")) {
            Map<String, Object> mount = (Map<String, Object>) m;
            for (Object v : (List<Object>) values.get("extraVolumes")) {
                Map<String, Object> volume = (Map<String, Object>) v;
                String path = String.valueOf(mount.get("mountPath"));
                if (volume.get("name").equals(mount.get("name")) && volume.get("configMap") instanceof Map<?, ?> c
                        && path.startsWith("/etc/coredns/")) {
                    out.add(new Volume("kube-system", String.valueOf(c.get("name")),
                            path.substring("/etc/coredns/".length())));
                }
            }
        }
        return out;
    }
}
