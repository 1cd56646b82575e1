package dev.svcalias.app.zone;

import dev.svcalias.cluster.ConfigMapRef;

/**
 * Where the recipe's parts live. Defaults match kubeadm and Istio's istiocoredns addon; every name can be
 * overridden from the command line for clusters laid out differently.
 */
/** {@code platform} is what --platform named (null: detect it). */
public record ClusterLayout(ConfigMapRef kubeDnsCorefile, String kubeDnsDeployment, String kubeDnsService,
                            ConfigMapRef istioCorefile, String istioCorednsService, String istioCorednsDeployment,
                            String istioCorednsContainer, String platform) {
    public static ClusterLayout defaults() {
        return new ClusterLayout(new ConfigMapRef("kube-system", "coredns"), "coredns", "kube-dns",
                new ConfigMapRef("istio-system", "coredns"), "istiocoredns", "istiocoredns", "coredns", null);
    }

    public String kubeDnsNamespace() {
        return kubeDnsCorefile.namespace();
    }

    public String istioNamespace() {
        return istioCorefile.namespace();
    }
}
