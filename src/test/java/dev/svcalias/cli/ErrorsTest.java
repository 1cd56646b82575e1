package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error: one line on stderr naming the problem and the fix, the documented exit code, nothing changed. */
class ErrorsTest extends RecipeClusterCase {

    private CliRun fails(int code, String... args) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(code);
        assertThat(run.err()).as(run.toString()).startsWith("error: ").hasLineCount(1).doesNotContain("Exception");
        assertThat(run.out()).as(run.toString()).isEmpty();
        return run;
    }

    private void unchanged() {
        assertThat(cluster.corefile("kube-system")).isEqualTo(cluster.kubeDnsCorefile);
        assertThat(cluster.corefile("istio-system")).isEqualTo(cluster.istioCorefile);
    }

    @Test
    void unreachableClusterIsExit4() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("closed");
        Files.writeString(config, Files.readString(cluster.kubeconfig).replaceAll("http://[^\\s]+",
                "http://127.0.0.1:" + port));
        assertThat(fails(4, "status", "--kubeconfig", config.toString()).err()).contains("127.0.0.1:" + port);
    }

    @Test
    void badDomainsAreExit2() {
        assertThat(fails(2, "init", "--domain", "Internal", kc).err()).contains("upper-case").contains("fix:");
        assertThat(fails(2, "init", "--domain", "svc.cluster.local", kc).err()).contains("cluster domain");
        assertThat(fails(2, "init", "--domain", "10.in-addr.arpa", kc).err()).contains("reverse");
        assertThat(fails(2, "init", kc).err()).contains("--domain");
        unchanged();
    }

    @Test
    void cloudZonesNeedForce() {
        cluster.client.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
                .withNewSpec().withProviderID("gce://project/us-central1-a/n1").endSpec().build()).create();
        assertThat(fails(2, "init", "--domain", "internal", kc).err()).contains("GCE").contains("--force");
        unchanged();
        CliRun forced = CliRun.run("init", "--domain", "internal", "--force", kc);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.err()).contains("warning:").contains("GCE");
    }

    @Test
    void missingIstiocorednsIsExit5() {
        cluster.client.services().inNamespace("istio-system").withName("istiocoredns").delete();
        assertThat(fails(5, "init", "--domain", "internal", "--mode", "istiocoredns", kc).err())
                .contains("istiocoredns").contains("1.9").contains("--mode auto");
        unchanged();
    }

    @Test
    void aPluginTheVersionLacksIsRefused() {
        ConfigMap cm = cluster.client.configMaps().inNamespace("istio-system").withName("coredns").get();
        cm.getData().put("Corefile", RecipeCluster.corpus("istio-1.1-istiocoredns.corefile"));
        cluster.client.configMaps().inNamespace("istio-system").resource(cm).update();
        String err = fails(5, "init", "--domain", "internal", kc).err();
        assertThat(err).contains("proxy").contains("1.6.2").contains("--coredns-version");
        CliRun forced = CliRun.run("init", "--domain", "internal", "--coredns-version", "1.1.2", kc);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(cluster.corefile("istio-system")).contains("proxy internal 127.0.0.1:8053");
    }

    @Test
    void aZoneBlockSvcaliasDoesNotOwnIsAConflict() {
        ConfigMap cm = cluster.client.configMaps().inNamespace("kube-system").withName("coredns").get();
        String withForeign = cluster.kubeDnsCorefile + "Internal.:53 {\n    forward . 10.0.0.1\n}\n";
        cm.getData().put("Corefile", withForeign);
        cluster.client.configMaps().inNamespace("kube-system").resource(cm).update();
        assertThat(fails(5, "init", "--domain", "internal", kc).err()).contains("Internal.:53");
        assertThat(cluster.corefile("kube-system")).isEqualTo(withForeign);
        assertThat(cluster.corefile("istio-system")).isEqualTo(cluster.istioCorefile);
    }

    @Test
    void withoutReloadInitWarnsAndRestartsOnRequest() {
        ConfigMap cm = cluster.client.configMaps().inNamespace("kube-system").withName("coredns").get();
        cm.getData().put("Corefile", cluster.kubeDnsCorefile.replace("    reload\n", ""));
        cluster.client.configMaps().inNamespace("kube-system").resource(cm).update();
        CliRun warned = CliRun.run("init", "--domain", "internal", "--dry-run", kc);
        assertThat(warned.exitCode()).as(warned.toString()).isZero();
        assertThat(warned.err()).contains("no 'reload' plugin").contains("--restart");
        CliRun restarted = CliRun.run("init", "--domain", "internal", "--restart", kc);
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).contains("restarted deployment kube-system/coredns");
        assertThat(cluster.client.apps().deployments().inNamespace("kube-system").withName("coredns").get()
                .getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("kubectl.kubernetes.io/restartedAt");
    }

    @Test
    void aliasErrors() {
        assertThat(fails(5, "alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc).err())
                .contains("svcalias init");
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        assertThat(fails(2, "alias", "add", "my-fruits", "nope.micro-shake-factory", kc).err())
                .contains("Service micro-shake-factory/nope does not exist");
        assertThat(fails(2, "alias", "add", "my-fruits", "fruits-api-service.nowhere", kc).err())
                .contains("namespace nowhere does not exist");
        assertThat(fails(2, "alias", "add", "My-Fruits", "fruits-api-service.micro-shake-factory", kc).err())
                .contains("upper-case");
        assertThat(fails(2, "alias", "add", "my-fruits", "fruits-api-service", kc).err()).contains("-n");

        cluster.client.services().inNamespace("micro-shake-factory").resource(new ServiceBuilder().withNewMetadata()
                .withName("headless").endMetadata().withNewSpec().withClusterIP("None").addNewPort().withPort(80)
                .endPort().endSpec().build()).create();
        assertThat(fails(5, "add", "h", "headless.micro-shake-factory", kc).err()).contains("headless");
        cluster.client.services().inNamespace("micro-shake-factory").resource(new ServiceBuilder().withNewMetadata()
                .withName("ext").endMetadata().withNewSpec().withType("ExternalName").withExternalName("example.com")
                .endSpec().build()).create();
        assertThat(fails(5, "add", "e", "ext.micro-shake-factory", kc).err()).contains("ExternalName");

        cluster.service("micro-shake-factory", "veggies", "10.103.2.2", 8080, "", "TCP");
        assertThat(CliRun.run("add", "my-fruits", "fruits-api-service.micro-shake-factory", kc).exitCode()).isZero();
        assertThat(fails(5, "add", "my-fruits", "veggies.micro-shake-factory", kc).err())
                .contains("already points at fruits-api-service.micro-shake-factory").contains("--force");
        CliRun forced = CliRun.run("add", "my-fruits", "veggies.micro-shake-factory", "--force", "-o", "yaml", kc);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("address: 10.103.2.2").contains("status: re-pointed");
        assertThat(fails(2, "alias", "remove", "nothing", kc).err()).contains("--ignore-not-found");
        assertThat(CliRun.run("alias", "remove", "nothing", "--ignore-not-found", kc).exitCode()).isZero();
    }

    @Test
    void aHostDeclaredBySomeoneElseIsAConflict() {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        GenericKubernetesResource se = new GenericKubernetesResource();
        se.setApiVersion("networking.istio.io/v1");
        se.setKind("ServiceEntry");
        se.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("handmade")
                .withNamespace("default").build());
        se.setAdditionalProperty("spec", Map.of("hosts", List.of("my-fruits.internal"), "addresses",
                List.of("10.1.1.1"), "location", "MESH_INTERNAL", "resolution", "STATIC"));
        cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry").inNamespace("default")
                .resource(se).create();
        assertThat(fails(5, "add", "my-fruits", "fruits-api-service.micro-shake-factory", "--force", kc).err())
                .contains("default/handmade").contains("did not create");
    }

    @Test
    void verifyNamesWhereTheChainBreaks() throws Exception {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        assertThat(CliRun.run("add", "my-fruits", "fruits-api-service.micro-shake-factory", kc).exitCode()).isZero();
        // the target moved: its ClusterIP changed after the alias was made
        var svc = cluster.client.services().inNamespace("micro-shake-factory").withName("fruits-api-service").get();
        cluster.client.services().inNamespace("micro-shake-factory").withName("fruits-api-service").delete();
        svc.getMetadata().setResourceVersion(null);
        svc.getSpec().setClusterIP("10.103.9.9");
        svc.getSpec().setClusterIPs(null);
        cluster.client.services().inNamespace("micro-shake-factory").resource(svc).create();
        try (var dns = new dev.svcalias.testing.FakeDnsServer(new ChainDns(cluster)::answer)) {
            CliRun verify = CliRun.run("verify", "--nameserver", dns.address(), kc);
            assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(3);
            assertThat(verify.out()).contains("FAIL").contains("differs from").contains("10.103.9.9")
                    .contains("--force");
            CliRun waited = CliRun.run("verify", "--nameserver", dns.address(), "--wait", "--timeout", "1s",
                    "--interval", "200ms", kc);
            assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(3);
        }
        CliRun status = CliRun.run("status", kc);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Problems:").contains("differs from");
    }
}
