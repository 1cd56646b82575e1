package dev.svcalias.testing;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the recipe's cluster (kubeadm's kube-system/coredns) into one seeded like each platform, from the real
 * configuration files in src/test/resources/platforms/ (SOURCES.md there says where each comes from). Used by the
 * mock-API tests and the real API server alike.
 */
public final class PlatformSeeds {
    public static final String KUBE_SYSTEM = "kube-system";
    private final KubernetesClient client;

    public PlatformSeeds(KubernetesClient client) {
        this.client = client;
    }

    public static String file(String name) {
        return RecipeCluster.resource("/platforms/" + name);
    }

    /** AKS: the reconciled Corefile that imports custom/*.server, the EnsureExists coredns-custom, Azure nodes. */
    public void aks() {
        replaceCorefile(file("aks-default.corefile"), Map.of("addonmanager.kubernetes.io/mode", "Reconcile",
                "k8s-app", "kube-dns", "kubernetes.io/cluster-service", "true"), Map.of());
        configMap("coredns-custom", Map.of(), Map.of("addonmanager.kubernetes.io/mode", "EnsureExists",
                "k8s-app", "kube-dns", "kubernetes.io/cluster-service", "true"), Map.of());
        node("aks-nodepool1-12345678-vmss000000", "azure:///subscriptions/0000/resourceGroups/mc_rg_aks_eastus/"
                + "providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/0",
                Map.of("kubernetes.azure.com/cluster", "MC_rg_aks_eastus", "kubernetes.azure.com/role", "agent"));
    }

    /** k3s: the packaged Corefile (objectset annotations) importing /etc/coredns/custom/*.server; no coredns-custom. */
    public void k3s(String corefile) {
        replaceCorefile(file(corefile), Map.of("objectset.rio.cattle.io/hash", "e3b0c44298fc1c149afbf4c8996fb924"),
                Map.of("objectset.rio.cattle.io/applied", "H4sIAAAAAAAA", "objectset.rio.cattle.io/id", "",
                        "objectset.rio.cattle.io/owner-gvk", "k3s.cattle.io/v1, Kind=Addon",
                        "objectset.rio.cattle.io/owner-name", "coredns",
                        "objectset.rio.cattle.io/owner-namespace", KUBE_SYSTEM));
        node("k3s-server-0", "k3s://k3s-server-0", Map.of("node.kubernetes.io/instance-type", "k3s"));
    }

    /** RKE2: the rke2-coredns chart's ConfigMap and Deployment instead of kube-system/coredns. */
    public void rke2(String corefile) {
        client.configMaps().inNamespace(KUBE_SYSTEM).withName("coredns").delete();
        client.apps().deployments().inNamespace(KUBE_SYSTEM).withName("coredns").delete();
        Map<String, String> helm = Map.of("app.kubernetes.io/managed-by", "Helm", "helm.sh/chart",
                "rke2-coredns-1.29.002", "k8s-app", "kube-dns");
        Map<String, String> release = Map.of("meta.helm.sh/release-name", "rke2-coredns",
                "meta.helm.sh/release-namespace", KUBE_SYSTEM);
        configMap("rke2-coredns-rke2-coredns", Map.of("Corefile", corefile), helm, release);
        deployment("rke2-coredns-rke2-coredns", List.of("coredns"), "rancher/hardened-coredns:v1.11.1-build20240305",
                helm, release, List.of(), 2);
        node("rke2-server-0", "rke2://rke2-server-0", Map.of());
    }

    /** helm-controller's HelmChartConfig CRD (k3s-io/helm-controller), as RKE2 installs it. */
    public void helmChartConfigCrd() {
        try (InputStream in = stream("rke2/helmchartconfigs.helm.cattle.io.crd.yaml")) {
            var crds = client.genericKubernetesResources("apiextensions.k8s.io/v1", "CustomResourceDefinition");
            crds.resource(crds.load(in).item()).create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EKS 1.11: its Corefile, the coredns Deployment labelled eks.amazonaws.com/component, EC2 nodes. */
    public void eks(boolean managedAddon) {
        eks("eks-1.11-proxy.corefile", "v1.1.3", managedAddon);
    }

    /**
     * EKS with the CoreDNS add-on of today (v1.13.2-eksbuild.1): its Corefile and image as a cluster dump shows
     * them, and, when managed, the field manager "eks" that AWS's add-on documentation names (SOURCES.md).
     */
    public void eks(String corefile, String tag, boolean managedAddon) {
        replaceCorefile(file(corefile), Map.of("eks.amazonaws.com/component", "coredns",
                "k8s-app", "kube-dns"), Map.of());
        client.apps().deployments().inNamespace(KUBE_SYSTEM).withName("coredns").delete();
        deployment("coredns", List.of("coredns"), "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/coredns:" + tag,
                Map.of("eks.amazonaws.com/component", "coredns", "k8s-app", "kube-dns"), Map.of(),
                managedAddon ? List.of("eks") : List.of(), 2);
        node("ip-192-168-1-10.ec2.internal", "aws:///us-east-1a/i-0123456789abcdef0",
                Map.of("eks.amazonaws.com/nodegroup", "ng-1"));
    }

    /** GKE Standard with kube-dns: no CoreDNS; kube-dns's Deployment and its ConfigMap (stubDomains example). */
    public void gke(boolean cloudDns) {
        client.configMaps().inNamespace(KUBE_SYSTEM).withName("coredns").delete();
        client.apps().deployments().inNamespace(KUBE_SYSTEM).withName("coredns").delete();
        deployment("kube-dns", List.of("kubedns", "dnsmasq", "sidecar", "prometheus-to-sd"),
                "gke.gcr.io/k8s-dns-kube-dns:1.23.0-gke.9", Map.of("k8s-app", "kube-dns",
                        "addonmanager.kubernetes.io/mode", "Reconcile"), Map.of(), List.of(), cloudDns ? 0 : 2);
        if (!cloudDns) {
            client.configMaps().inNamespace(KUBE_SYSTEM).resource(client.configMaps()
                    .load(stream("gke-kube-dns-configmap.yaml")).item()).create();
        }
        node("gke-cluster-1-default-pool-1a2b3c4d-abcd", "gce://my-project/us-central1-a/"
                + "gke-cluster-1-default-pool-1a2b3c4d-abcd", Map.of("cloud.google.com/gke-nodepool", "default-pool"));
    }

    /** OpenShift: the DNS operator's CRD and its 'default' resource, openshift-dns with the rendered Corefile. */
    public void openshift() {
        client.configMaps().inNamespace(KUBE_SYSTEM).withName("coredns").delete();
        client.apps().deployments().inNamespace(KUBE_SYSTEM).withName("coredns").delete();
        // as a generic resource: its schema uses a field fabric8's typed CRD model does not know ("optional")
        try (InputStream in = stream("openshift/dnses.operator.openshift.io.crd.yaml")) {
            var crds = client.genericKubernetesResources("apiextensions.k8s.io/v1", "CustomResourceDefinition");
            try {
                crds.resource(crds.load(in).item()).create();
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409) { // the mock server may store it although the first answer timed out
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        namespace("openshift-dns");
        client.configMaps().inNamespace("openshift-dns").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("dns-default").withNamespace("openshift-dns").endMetadata()
                .addToData("Corefile", file("openshift-4.1.corefile")).build()).create();
    }

    /** The DNS operator's default resource, with one server of somebody else's already there. */
    public GenericKubernetesResource openshiftDefault() {
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("name", "corp");
        other.put("zones", List.of("corp.example.com"));
        other.put("forwardPlugin", Map.of("upstreams", List.of("10.0.0.53"), "policy", "Sequential"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("logLevel", "Normal");
        spec.put("servers", List.of(other));
        return client.genericKubernetesResources(DNS).resource(new GenericKubernetesResourceBuilder()
                .withApiVersion("operator.openshift.io/v1").withKind("DNS").withNewMetadata().withName("default")
                .endMetadata().withAdditionalProperties(Map.of("spec", spec)).build()).create();
    }

    public static final ResourceDefinitionContext DNS = new ResourceDefinitionContext.Builder()
            .withGroup("operator.openshift.io").withVersion("v1").withKind("DNS").withPlural("dnses")
            .withNamespaced(false).build();

    /** NodeLocal DNSCache: the DaemonSet and its ConfigMap with the Corefile as the Kubernetes docs publish it. */
    public void nodeLocalDns(String corefile) {
        configMap("node-local-dns", Map.of("Corefile", corefile), Map.of("addonmanager.kubernetes.io/mode",
                "EnsureExists"), Map.of());
        client.apps().daemonSets().inNamespace(KUBE_SYSTEM).resource(new DaemonSetBuilder().withNewMetadata()
                .withName("node-local-dns").withNamespace(KUBE_SYSTEM).addToLabels("k8s-app", "node-local-dns")
                .endMetadata().withNewSpec().withNewSelector().addToMatchLabels("k8s-app", "node-local-dns")
                .endSelector().withNewTemplate().withNewMetadata().addToLabels("k8s-app", "node-local-dns")
                .endMetadata().withSpec(new PodSpecBuilder().addNewContainer().withName("node-cache")
                        .withImage("registry.k8s.io/dns/k8s-dns-node-cache:1.26.4").endContainer().build())
                .endTemplate().endSpec().build()).create();
    }

    /** Labels kubeadm's kube-system/coredns as reconciled by the addon manager (kube-up clusters). */
    public void reconciledCorefile() {
        var cm = client.configMaps().inNamespace(KUBE_SYSTEM).withName("coredns").get();
        cm.getMetadata().setLabels(Map.of("addonmanager.kubernetes.io/mode", "Reconcile"));
        client.configMaps().inNamespace(KUBE_SYSTEM).resource(cm).update();
    }

    /** kube-system/coredns installed by the coredns Helm chart: Helm 3's ownership label and annotations. */
    public void helmOwnedCorefile(String release) {
        var cm = client.configMaps().inNamespace(KUBE_SYSTEM).withName("coredns").get();
        cm.getMetadata().setLabels(Map.of("app.kubernetes.io/managed-by", "Helm"));
        cm.getMetadata().setAnnotations(Map.of("meta.helm.sh/release-name", release,
                "meta.helm.sh/release-namespace", KUBE_SYSTEM));
        client.configMaps().inNamespace(KUBE_SYSTEM).resource(cm).update();
    }

    private void replaceCorefile(String corefile, Map<String, String> labels, Map<String, String> annotations) {
        client.configMaps().inNamespace(KUBE_SYSTEM).withName("coredns").delete();
        configMap("coredns", Map.of("Corefile", corefile), labels, annotations);
    }

    private void configMap(String name, Map<String, String> data, Map<String, String> labels,
                           Map<String, String> annotations) {
        client.configMaps().inNamespace(KUBE_SYSTEM).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .withNamespace(KUBE_SYSTEM).withLabels(labels).withAnnotations(annotations).endMetadata()
                .withData(data.isEmpty() ? null : data).build()).create();
    }

    private void deployment(String name, List<String> containers, String image, Map<String, String> labels,
                            Map<String, String> annotations, List<String> managers, int replicas) {
        var pod = new PodSpecBuilder();
        containers.forEach(c -> pod.addNewContainer().withName(c).withImage(image).endContainer());
        var meta = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(KUBE_SYSTEM)
                .withLabels(labels).withAnnotations(annotations);
        managers.forEach(m -> meta.addToManagedFields(new ManagedFieldsEntryBuilder().withManager(m)
                .withOperation("Apply").withApiVersion("apps/v1").withFieldsType("FieldsV1").build()));
        client.apps().deployments().inNamespace(KUBE_SYSTEM).resource(meta.endMetadata().withNewSpec()
                .withReplicas(replicas).withNewSelector().addToMatchLabels("k8s-app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("k8s-app", name).endMetadata()
                .withSpec(pod.build()).endTemplate().endSpec().build()).create();
    }

    private void node(String name, String providerId, Map<String, String> labels) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withProviderID(providerId).endSpec().build()).create();
    }

    private void namespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
    }

    private static InputStream stream(String name) {
        InputStream in = PlatformSeeds.class.getResourceAsStream("/platforms/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /platforms/" + name);
        }
        return in;
    }
}
