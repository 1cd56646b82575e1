package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each platform through the production wiring against the mock API server, seeded from the platform's real
 * configuration files: status names it with its evidence, init writes where the platform reads, init again
 * changes nothing, reset gives back every byte.
 */
class PlatformsTest {
    @TempDir
    Path dir;

    private static CliRun run(int expected, String... args) {
        return CliRun.expect(expected, args);
    }

    private static ConfigMap cm(RecipeCluster c, String name) {
        return c.client.configMaps().inNamespace("kube-system").withName(name).get();
    }

    @Test
    void aksWritesAServerKeyToCorednsCustomAndLeavesTheManagedCorefileAlone() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).aks();
            String managed = cm(c, "coredns").getData().get("Corefile");
            String kc = c.kubeconfigFlag();

            CliRun status = run(0, "status", kc);
            assertThat(status.out()).contains("Platform:       aks").contains("providerID azure:///")
                    .contains("Corefile imports custom/*.server").contains("configmap kube-system/coredns-custom");

            CliRun dry = run(0, "init", "--domain", "internal", "--dry-run", kc);
            assertThat(dry.out()).contains("+++ b/kube-system/coredns-custom (svcalias-internal.server)")
                    .contains("+internal:53 {");
            assertThat(cm(c, "coredns-custom").getData() == null ? Map.of() : cm(c, "coredns-custom").getData())
                    .isEmpty();

            run(0, "init", "--domain", "internal", kc);
            ConfigMap custom = cm(c, "coredns-custom");
            String block = custom.getData().get("svcalias-internal.server");
            assertThat(block).startsWith("# svcalias:begin zone=internal kind=stub-domain")
                    .contains("internal:53 {").contains("forward . " + RecipeCluster.ISTIOCOREDNS_IP).endsWith("\n");
            assertThat(custom.getMetadata().getLabels()).containsEntry("addonmanager.kubernetes.io/mode", "EnsureExists");
            assertThat(block).contains("template IN AAAA internal {");
            assertThat(c.corefile("istio-system")).as("kube-dns's block answers AAAA here")
                    .doesNotContain("template IN AAAA");
            assertThat(cm(c, "coredns").getData().get("Corefile")).isEqualTo(managed);
            String rv = custom.getMetadata().getResourceVersion();

            CliRun again = run(0, "init", "--domain", "internal", kc);
            assertThat(again.out()).contains("unchanged");
            assertThat(cm(c, "coredns-custom").getMetadata().getResourceVersion()).isEqualTo(rv);
            assertThat(run(0, "status", kc).out()).contains("internal").doesNotContain("no zone configured");

            run(0, "reset", kc);
            ConfigMap after = cm(c, "coredns-custom");
            assertThat(after).as("AKS created coredns-custom, so reset keeps it, without svcalias's key").isNotNull();
            assertThat(after.getData() == null ? Map.of() : after.getData()).isEmpty();
            assertThat(c.corefile("istio-system")).isEqualTo(c.istioCorefile);
        }
    }

    @Test
    void k3sCreatesCorednsCustomAndResetDeletesWhatItCreated() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).k3s("k3s-default.corefile");
            String kc = c.kubeconfigFlag();
            assertThat(run(0, "status", kc).out()).contains("Platform:       k3s").contains("providerID k3s://")
                    .contains("objectset.rio.cattle.io/").contains("Corefile imports /etc/coredns/custom/*.server");
            assertThat(cm(c, "coredns-custom")).isNull();

            run(0, "init", "--domain", "internal", kc);
            ConfigMap custom = cm(c, "coredns-custom");
            assertThat(custom.getMetadata().getAnnotations()).containsEntry("svcalias.dev/created", "true");
            assertThat(custom.getData()).containsOnlyKeys("svcalias-internal.server");
            assertThat(cm(c, "coredns").getData().get("Corefile")).isEqualTo(PlatformSeeds.file("k3s-default.corefile"));

            run(0, "reset", kc);
            assertThat(cm(c, "coredns-custom")).as("svcalias created it and nothing else is in it").isNull();
        }
    }

    @Test
    void oldK3sWithoutTheImportIsRefusedWithExit5() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).k3s("k3s-v1.21-no-custom-import.corefile");
            CliRun init = run(5, "init", "--domain", "internal", c.kubeconfigFlag());
            assertThat(init.err()).contains("k3s's Corefile").contains("does not import").hasLineCount(1);
            assertThat(cm(c, "coredns-custom")).isNull();
            assertThat(c.corefile("istio-system")).isEqualTo(c.istioCorefile);
        }
    }

    @Test
    void k3sPackagedCorefileIsRefusedWhenNamedAsAPlainCorefile() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).k3s("k3s-default.corefile");
            CliRun init = run(5, "init", "--domain", "internal", "--platform", "kubeadm", c.kubeconfigFlag());
            assertThat(init.err()).contains("k3s's packaged manifests").contains("objectset.rio.cattle.io/hash")
                    .hasLineCount(1);
            assertThat(c.corefile("kube-system")).isEqualTo(PlatformSeeds.file("k3s-default.corefile"));
            assertThat(cm(c, "coredns-custom")).isNull();
            assertThat(c.corefile("istio-system")).isEqualTo(c.istioCorefile);
        }
    }

    @Test
    void aHelmOwnedCorefileIsWrittenWithAWarningAndExit8() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).helmOwnedCorefile("coredns");
            CliRun init = run(8, "init", "--domain", "internal", c.kubeconfigFlag());
            assertThat(init.err()).contains("configmap kube-system/coredns is managed by Helm (release coredns)")
                    .contains("next helm upgrade");
            assertThat(c.corefile("kube-system")).startsWith(c.kubeDnsCorefile.stripTrailing())
                    .contains("# svcalias:begin zone=internal");
            assertThat(run(0, "init", "--domain", "internal", c.kubeconfigFlag()).out()).contains("unchanged");
        }
    }

    @Test
    void rke2IsDetectedFromItsChart() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).rke2(PlatformSeeds.file("rke2-coredns.corefile"));
            String kc = c.kubeconfigFlag();
            assertThat(run(0, "status", kc).out()).contains("Platform:       rke2")
                    .contains("deployment kube-system/rke2-coredns-rke2-coredns: exists, chart rke2-coredns");
            // what init writes there: Rke2ChartImportTest
        }
    }

    @Test
    void rke2WhoseChartImportsCorednsCustomGetsTheServerKey() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            String imported = PlatformSeeds.file("rke2-coredns.corefile") + "\nimport /etc/coredns/custom/*.server";
            new PlatformSeeds(c.client).rke2(imported);
            run(0, "init", "--domain", "internal", c.kubeconfigFlag());
            assertThat(cm(c, "coredns-custom").getData().get("svcalias-internal.server"))
                    .contains("internal:53 {");
            assertThat(cm(c, "rke2-coredns-rke2-coredns").getData().get("Corefile")).isEqualTo(imported);
        }
    }

    @Test
    void eksWritesTheCorefileAndExits8WithTheAddonCommand() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).eks(true);
            String kc = c.kubeconfigFlag();
            assertThat(run(0, "status", kc).out()).contains("Platform:       eks")
                    .contains("eks.amazonaws.com/component=coredns").contains("managed add-on");
            CliRun init = run(8, "init", "--domain", "svc.example", kc);
            assertThat(init.err()).contains("EKS managed add-on").contains("aws eks update-addon")
                    .contains("--configuration-values '{\"corefile\":\"");
            assertThat(c.corefile("kube-system")).startsWith(PlatformSeeds.file("eks-1.11-proxy.corefile"))
                    .contains("# svcalias:begin zone=svc.example");
        }
    }

    @Test
    void todaysEksAddonIsDetectedFromItsFieldManagerAndTheEditLoadsWithItsCorefile() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).eks("eks-addon-v1.13.2-eksbuild.1.corefile", "v1.13.2-eksbuild.1", true);
            String kc = c.kubeconfigFlag();
            assertThat(run(0, "status", kc).out()).contains("Platform:       eks")
                    .contains("image 602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/coredns:v1.13.2-eksbuild.1")
                    .contains("managed add-on (field manager 'eks')");
            CliRun init = run(8, "init", "--domain", "svc.example", kc);
            assertThat(init.err()).contains("aws eks update-addon");
            assertThat(c.corefile("kube-system"))
                    .startsWith(PlatformSeeds.file("eks-addon-v1.13.2-eksbuild.1.corefile"))
                    .contains("template IN AAAA svc.example {");
        }
    }

    @Test
    void eksWithoutTheManagedAddonIsPlainSuccess() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).eks(false);
            CliRun init = run(0, "init", "--domain", "svc.example", c.kubeconfigFlag());
            assertThat(init.err()).doesNotContain("update-addon");
        }
    }

    @Test
    void gkeMergesAStubDomainLosslesslyAndResetRestoresTheBytes() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).gke(false);
            String original = cm(c, "kube-dns").getData().get("stubDomains");
            String kc = c.kubeconfigFlag();
            assertThat(run(0, "status", kc).out()).contains("Platform:       gke")
                    .contains("containers kubedns, dnsmasq, sidecar").contains("providerID gce://");

            run(0, "init", "--domain", "svc.example", kc);
            ConfigMap kubeDns = cm(c, "kube-dns");
            assertThat(kubeDns.getData().get("stubDomains")).isEqualTo(original.substring(0, original.lastIndexOf(']')
                    + 1) + ", \"svc.example\": [\"" + RecipeCluster.ISTIOCOREDNS_IP + "\"]}\n");
            assertThat(kubeDns.getData().get("upstreamNameservers")).isEqualTo("[\"8.8.8.8\", \"8.8.4.4\"]\n");
            assertThat(c.corefile("istio-system")).as("kube-dns only forwards: istiocoredns answers AAAA itself")
                    .contains("template IN AAAA svc.example {").contains("grpc svc.example 127.0.0.1:8053");
            run(0, "init", "--domain", "svc.example", kc);
            assertThat(run(0, "status", kc).out()).contains("svc.example");

            run(0, "reset", kc);
            kubeDns = cm(c, "kube-dns");
            assertThat(kubeDns.getData().get("stubDomains")).isEqualTo(original);
            assertThat(kubeDns.getMetadata().getAnnotations() == null ? Map.of()
                    : kubeDns.getMetadata().getAnnotations()).doesNotContainKeys("svcalias.dev/stub-domains",
                    "svcalias.dev/original-stub-domains");
        }
    }

    @Test
    void gkeRefusesAZoneSomebodyElseConfigured() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).gke(false);
            CliRun init = run(5, "init", "--domain", "acme.local", c.kubeconfigFlag());
            assertThat(init.err()).contains("already has a stubDomains entry for acme.local");
        }
    }

    @Test
    void gkeWithCloudDnsIsDetectedAndRefused() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).gke(true);
            String kc = c.kubeconfigFlag();
            assertThat(run(0, "status", kc).out()).contains("Platform:       gke-cloud-dns")
                    .contains("scaled to 0").contains("Cloud DNS");
            CliRun init = run(5, "init", "--domain", "svc.example", kc);
            assertThat(init.err()).contains("Cloud DNS for GKE").contains("--cluster-dns=default");
        }
    }

    @Test
    void aReconciledCorefileIsRefusedAndPlatformOverrideIsHonoured() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).reconciledCorefile();
            String kc = c.kubeconfigFlag();
            CliRun init = run(5, "init", "--domain", "internal", kc);
            assertThat(init.err()).contains("addonmanager.kubernetes.io/mode=Reconcile");
            assertThat(c.corefile("kube-system")).isEqualTo(c.kubeDnsCorefile);
            assertThat(c.corefile("istio-system")).isEqualTo(c.istioCorefile);

            CliRun aks = run(0, "status", "--platform", "aks", kc);
            assertThat(aks.out()).contains("Platform:       aks").contains("from --platform");
            CliRun bad = run(2, "status", "--platform", "minikube", kc);
            assertThat(bad.err()).contains("--platform 'minikube' is not a platform").contains("kubeadm, aks");
        }
    }

    @Test
    void nodeLocalDnsGetsTheZoneForwardedToKubeDnsAndVerifyExplainsItWhenMissing() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            String raw = PlatformSeeds.file("k8s-nodelocaldns-raw.corefile");
            new PlatformSeeds(c.client).nodeLocalDns(raw);
            String kc = c.kubeconfigFlag();
            assertThat(run(0, "status", kc).out()).contains("NodeLocal DNS:  configmap kube-system/node-local-dns")
                    .contains("__PILLAR__CLUSTER__DNS__");

            run(0, "init", "--domain", "internal", kc);
            String nodeLocal = cm(c, "node-local-dns").getData().get("Corefile");
            assertThat(nodeLocal).startsWith(raw).contains("internal:53 {")
                    .contains("bind __PILLAR__LOCAL__DNS__ __PILLAR__DNS__SERVER__")
                    .contains("forward . __PILLAR__CLUSTER__DNS__ {");

            // someone restores node-local-dns's Corefile: verify names node-local-dns as the broken link
            var cm = cm(c, "node-local-dns");
            cm.getData().put("Corefile", raw);
            c.client.configMaps().inNamespace("kube-system").resource(cm).update();
            CliRun verify = CliRun.run("verify", "--nameserver", "127.0.0.1:9", "--timeout", "1s", kc);
            assertThat(verify.out() + verify.err()).contains("NodeLocal DNSCache runs")
                    .contains("does not forward zone internal to kube-dns");

            run(0, "init", "--domain", "internal", kc);
            run(0, "reset", kc);
            assertThat(cm(c, "node-local-dns").getData().get("Corefile")).isEqualTo(raw);
            assertThat(c.corefile("kube-system")).isEqualTo(c.kubeDnsCorefile);
        }
    }

    @Test
    void openshiftAddsOneServersEntryAndTouchesNothingElse() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            PlatformSeeds seeds = new PlatformSeeds(c.client);
            seeds.openshift();
            seeds.openshiftDefault();
            // the mock API server serves no discovery for CRDs, so --platform names it here; detection from real
            // discovery is OpenShiftDnsOperatorRealIT's
            String kc = c.kubeconfigFlag();
            String os = "--platform=openshift";
            assertThat(run(0, "status", os, kc).out()).contains("Platform:       openshift")
                    .contains("from --platform").contains("dns.operator.openshift.io/default");

            CliRun dry = run(0, "init", "--domain", "internal", "--dry-run", os, kc);
            assertThat(dry.out()).contains("+- name: svcalias-internal").contains("+  zones: [internal]");
            run(0, "init", "--domain", "internal", os, kc);
            var dns = c.client.genericKubernetesResources(PlatformSeeds.DNS).withName("default").get();
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) dns.getAdditionalProperties().get("spec");
            assertThat(spec).containsEntry("logLevel", "Normal");
            assertThat(spec.get("servers")).asList().hasSize(2).last().isEqualTo(Map.of("name", "svcalias-internal",
                    "zones", java.util.List.of("internal"), "forwardPlugin", Map.of("upstreams",
                            java.util.List.of(RecipeCluster.ISTIOCOREDNS_IP))));
            assertThat(c.corefile("istio-system")).contains("template IN AAAA internal {");
            String rv = dns.getMetadata().getResourceVersion();
            assertThat(run(0, "init", "--domain", "internal", os, kc).out()).contains("unchanged");
            assertThat(c.client.genericKubernetesResources(PlatformSeeds.DNS).withName("default").get().getMetadata()
                    .getResourceVersion()).isEqualTo(rv);

            run(0, "reset", os, kc);
            @SuppressWarnings("unchecked")
            Map<String, Object> after = (Map<String, Object>) c.client.genericKubernetesResources(PlatformSeeds.DNS)
                    .withName("default").get().getAdditionalProperties().get("spec");
            assertThat(after.get("servers")).asList().hasSize(1).first().asString().contains("name=corp");
        }
    }

    @Test
    void corednsModeIsRefusedWhereTheClusterDnsCanOnlyForward() {
        try (RecipeCluster c = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            new PlatformSeeds(c.client).gke(false);
            CliRun init = run(5, "init", "--domain", "svc.example", "--mode", "coredns", c.kubeconfigFlag());
            assertThat(init.err()).contains("can only forward a zone").contains("--mode istiocoredns");
        }
    }
}
