package dev.svcalias.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The testbed itself: a real API server, real CoreDNS fed from ConfigMaps, and the fake Istio plugin. */
class TestbedSmokeRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    static final ResourceDefinitionContext SERVICE_ENTRIES = new ResourceDefinitionContext.Builder()
            .withGroup("networking.istio.io").withVersion("v1alpha3").withPlural("serviceentries")
            .withKind("ServiceEntry").withNamespaced(true).build();

    @Test
    void apiServerWithRbacAndTheServiceEntryCrd() {
        KubernetesClient admin = CLUSTER.client();
        assertThat(admin.getKubernetesVersion().getGitVersion()).startsWith(Testbed.KUBERNETES_VERSION);
        assertThat(admin.raw("/readyz")).isEqualTo("ok");
        for (String version : List.of("v1alpha3", "v1beta1", "v1")) {
            assertThat(admin.getApiResources("networking.istio.io/" + version).getResources())
                    .anyMatch(r -> r.getName().equals("serviceentries"));
        }
        assertThat(admin.services().inNamespace("micro-shake-factory").withName("fruits-api-service").get()
                .getSpec().getClusterIP()).isEqualTo(RealCluster.FRUITS_IP);
        // RBAC is on: a user with a valid certificate and no bindings is authenticated and forbidden
        Path nobody = CLUSTER.userKubeconfig("nobody");
        try (KubernetesClient client = LocalApiServer.client(nobody)) {
            assertThatThrownBy(() -> client.configMaps().inNamespace("kube-system").withName("coredns").get())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403))
                    .hasMessageContaining("User \"nobody\"");
        }
    }

    @Test
    void kubeDnsAnswersServicesFromTheApiServerAndReloadsItsConfigMap() {
        Dns kubeDns = new Dns(CLUSTER.kubeDnsAddress());
        var answer = kubeDns.eventually("fruits-api-service.micro-shake-factory.svc.cluster.local", Type.A,
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(answer.addresses()).as(CLUSTER.logs()).containsExactly(RealCluster.FRUITS_IP);

        // kubelet's part: a ConfigMap change reaches the file CoreDNS reads, and reload picks it up
        String seeded = CLUSTER.corefile("kube-system");
        String extra = "\nsmoke.test:53 {\n    template IN A smoke.test {\n"
                + "        answer \"{{ .Name }} 60 IN A 10.103.8.8\"\n    }\n}\n";
        editCorefile(seeded + extra);
        try {
            var reloaded = kubeDns.eventually("x.smoke.test", Type.A, a -> a.addresses().contains("10.103.8.8"));
            assertThat(reloaded.addresses()).as(CLUSTER.materialisedCorefile("kube-system"))
                    .containsExactly("10.103.8.8");
        } finally {
            editCorefile(seeded);
        }
        assertThat(kubeDns.eventually("x.smoke.test", Type.A, a -> a.rcode() != Rcode.NOERROR).rcode())
                .isNotEqualTo(Rcode.NOERROR);
    }

    @Test
    void istiocorednsAnswersServiceEntriesThroughTheFakePlugin() {
        assertThat(CLUSTER.istiocorednsVersion()).isEqualTo(Testbed.COREDNS_ISTIO_VERSION);
        create("smoke", Map.of("hosts", List.of("smoke-test.global"), "addresses", List.of("10.103.7.7"),
                "location", "MESH_INTERNAL", "resolution", "STATIC",
                "endpoints", List.of(Map.of("address", "10.103.1.1"))));
        create("cidr", Map.of("hosts", List.of("cidr-test.global"), "addresses", List.of("10.103.7.8/32"),
                "location", "MESH_INTERNAL", "resolution", "STATIC"));
        Dns istiocoredns = new Dns(CLUSTER.istiocorednsAddress());
        var a = istiocoredns.eventually("smoke-test.global", Type.A, x -> x.addresses().contains("10.103.7.7"));
        assertThat(a.addresses()).as(CLUSTER.logs()).containsExactly("10.103.7.7");
        assertThat(a.ttl()).as("cache 30 caps the plugin's 3600").isLessThanOrEqualTo(30);
        assertThat(istiocoredns.query("smoke-test.global", Type.AAAA).rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(istiocoredns.query("cidr-test.global", Type.A).rcode()).as("CIDRs, even /32, give no record")
                .isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void coreDnsConfigCheckTellsLoadableFromBroken() {
        var loads = CLUSTER.runCoreDnsConfigCheck(CLUSTER.seededKubeDnsCorefile());
        assertThat(loads.started()).as(loads.log()).isTrue();
        var broken = CLUSTER.runCoreDnsConfigCheck(".:53 {\n    forward\n}\n");
        assertThat(broken.started()).isFalse();
        assertThat(broken.log()).contains("Corefile:2");
        var twice = CLUSTER.runCoreDnsConfigCheck(".:53 {\n    whoami\n}\nInternal:53 {\n    whoami\n}\n"
                + "internal.:53 {\n    whoami\n}\n");
        assertThat(twice.started()).isFalse();
        assertThat(twice.log()).contains("already defined");
        // the same zone on two ports is two servers, as in a pod
        var ports = CLUSTER.runCoreDnsConfigCheck(".:53 {\n    whoami\n}\ninternal:53 {\n    whoami\n}\n"
                + "internal:5353 {\n    whoami\n}\n");
        assertThat(ports.started()).as(ports.log()).isTrue();
    }

    private static void create(String name, Map<String, Object> spec) {
        GenericKubernetesResource se = new GenericKubernetesResourceBuilder()
                .withApiVersion("networking.istio.io/v1alpha3").withKind("ServiceEntry")
                .withNewMetadata().withName(name).withNamespace("micro-shake-factory").endMetadata()
                .addToAdditionalProperties("spec", spec).build();
        CLUSTER.client().genericKubernetesResources(SERVICE_ENTRIES).inNamespace("micro-shake-factory").resource(se)
                .create();
    }

    private static void editCorefile(String corefile) {
        CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").edit(cm -> {
            cm.getData().put("Corefile", corefile);
            return cm;
        });
    }
}
