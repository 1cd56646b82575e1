package dev.svcalias.cli;

import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.naming.KubeNames;
import picocli.CommandLine.Option;

/** Overrides for where kube-dns and istiocoredns live, for clusters that differ from the defaults. */
final class LayoutOptions {
    @Option(names = "--kube-dns-configmap", paramLabel = "NS/NAME", defaultValue = "kube-system/coredns",
            description = "ConfigMap with kube-dns's Corefile (default: ${DEFAULT-VALUE}).")
    String kubeDnsConfigMap;

    @Option(names = "--kube-dns-deployment", paramLabel = "NAME", defaultValue = "coredns",
            description = "kube-dns's CoreDNS Deployment, in the ConfigMap's namespace (default: ${DEFAULT-VALUE}).")
    String kubeDnsDeployment;

    @Option(names = "--istio-namespace", paramLabel = "NS", defaultValue = "istio-system",
            description = "Namespace of istiocoredns (default: ${DEFAULT-VALUE}).")
    String istioNamespace;

    @Option(names = "--istio-configmap", paramLabel = "NAME", defaultValue = "coredns",
            description = "ConfigMap with istiocoredns's Corefile (default: ${DEFAULT-VALUE}).")
    String istioConfigMap;

    @Option(names = "--istiocoredns-service", paramLabel = "NAME", defaultValue = "istiocoredns",
            description = "istiocoredns's Service and Deployment name (default: ${DEFAULT-VALUE}).")
    String istiocoredns;

    @Option(names = "--platform", paramLabel = "NAME",
            description = "Where cluster DNS is configured, instead of detecting it: kubeadm, aks, k3s, rke2, eks, "
                    + "gke, gke-cloud-dns, openshift (svcalias status shows what detection found).")
    String platform;

    ClusterLayout layout() {
        String[] parts = kubeDnsConfigMap.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw dev.svcalias.error.SvcaliasException.usage("--kube-dns-configmap "
                    + dev.svcalias.error.Echo.quoted(kubeDnsConfigMap) + " is not NAMESPACE/NAME",
                    "e.g. --kube-dns-configmap kube-system/coredns");
        }
        KubeNames.namespace("--kube-dns-configmap namespace", parts[0]);
        KubeNames.name("--kube-dns-configmap name", parts[1]);
        KubeNames.name("--kube-dns-deployment", kubeDnsDeployment);
        KubeNames.namespace("--istio-namespace", istioNamespace);
        KubeNames.name("--istio-configmap", istioConfigMap);
        KubeNames.name("--istiocoredns-service", istiocoredns);
        if (platform != null && dev.svcalias.platform.PlatformId.fromFlag(platform).isEmpty()) {
            throw dev.svcalias.error.SvcaliasException.usage("--platform " + dev.svcalias.error.Echo.quoted(platform)
                    + " is not a platform svcalias knows", "use one of: " + dev.svcalias.platform.PlatformId.flags());
        }
        ClusterLayout d = ClusterLayout.defaults();
        return new ClusterLayout(new ConfigMapRef(parts[0], parts[1]), kubeDnsDeployment, d.kubeDnsService(),
                new ConfigMapRef(istioNamespace, istioConfigMap), istiocoredns, istiocoredns,
                d.istioCorednsContainer(), platform);
    }
}
