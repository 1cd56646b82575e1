package dev.svcalias.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The distributions svcalias tells apart; the names are what --platform takes and what status prints. */
public enum PlatformId {
    KUBEADM("kubeadm", "CoreDNS with its Corefile in kube-system/coredns (kubeadm and alike)"),
    AKS("aks", "Azure Kubernetes Service"),
    K3S("k3s", "k3s"),
    RKE2("rke2", "RKE2"),
    EKS("eks", "Amazon EKS"),
    GKE("gke", "GKE with kube-dns"),
    GKE_CLOUD_DNS("gke-cloud-dns", "GKE with Cloud DNS (no in-cluster DNS)"),
    OPENSHIFT("openshift", "OpenShift (DNS operator)");

    private final String flag;
    private final String title;

    PlatformId(String flag, String title) {
        this.flag = flag;
        this.title = title;
    }

    public String flag() {
        return flag;
    }

    public String title() {
        return title;
    }

    public static Optional<PlatformId> fromFlag(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.flag.equals(v)).findFirst();
    }

    public static String flags() {
        return String.join(", ", Arrays.stream(values()).map(PlatformId::flag).toList());
    }
}
