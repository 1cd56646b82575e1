package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The workflow against k3s in a container, for machines with a Docker engine (skipped cleanly without one).
 * k3s has no istiocoredns, so the test installs what the scenario needs: the ServiceEntry CRD, istio-system with
 * an istiocoredns Service, Deployment and Corefile, and the target Service. Run: mvn verify -Dit.test=K3sRealIT
 */
@Testcontainers(disabledWithoutDocker = true)
class K3sRealIT {
    @Container
    static final K3sContainer K3S = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"));

    @TempDir
    Path dir;

    @Test
    void initAddListResetOnK3s() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, K3S.getKubeConfigYaml());
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml())).build()) {
            install(client);
            String kc = "--kubeconfig=" + kubeconfig;
            String kubeDnsBefore = client.configMaps().inNamespace("kube-system").withName("coredns").get().getData()
                    .get("Corefile");
            CliRun init = CliRun.run("init", "--domain", "aliases.example", kc);
            assertThat(init.exitCode()).as(init.toString()).isZero();
            CliRun add = CliRun.run("add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
            assertThat(add.exitCode()).as(add.toString()).isZero();
            assertThat(CliRun.run("alias", "list", kc).out()).contains("my-fruits.aliases.example");
            CliRun reset = CliRun.run("reset", "--aliases", kc);
            assertThat(reset.exitCode()).as(reset.toString()).isZero();
            assertThat(client.configMaps().inNamespace("kube-system").withName("coredns").get().getData()
                    .get("Corefile")).isEqualTo(kubeDnsBefore);
        }
    }

    private static void install(KubernetesClient client) throws Exception {
        try (InputStream in = K3sRealIT.class.getResourceAsStream("/istio/serviceentries.crd.yaml")) {
            CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
        for (String ns : new String[] {"istio-system", "micro-shake-factory"}) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
        try (InputStream in = K3sRealIT.class.getResourceAsStream("/corefiles/istio-1.4-istiocoredns.corefile")) {
            client.configMaps().inNamespace("istio-system").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("coredns").endMetadata().addToData("Corefile", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).build())
                    .create();
        }
        client.services().inNamespace("istio-system").resource(new ServiceBuilder().withNewMetadata()
                .withName("istiocoredns").endMetadata().withNewSpec().addNewPort().withName("dns").withPort(53)
                .withProtocol("UDP").endPort().endSpec().build()).create();
        client.apps().deployments().inNamespace("istio-system").resource(new DeploymentBuilder().withNewMetadata()
                .withName("istiocoredns").endMetadata().withNewSpec().withReplicas(0).withNewSelector()
                .addToMatchLabels("app", "istiocoredns").endSelector().withNewTemplate().withNewMetadata()
                .addToLabels("app", "istiocoredns").endMetadata().withNewSpec().addNewContainer().withName("coredns")
                .withImage("coredns/coredns:1.6.2").endContainer().endSpec().endTemplate().endSpec().build()).create();
        client.services().inNamespace("micro-shake-factory").resource(new ServiceBuilder().withNewMetadata()
                .withName("fruits-api-service").endMetadata().withNewSpec().addNewPort().withName("http").withPort(80)
                .endPort().endSpec().build()).create();
    }
}
