package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;

/** Where CoreDNS's Corefile and Deployment are expected (--kube-dns-configmap / --kube-dns-deployment). */
public record DnsLayout(ConfigMapRef corefile, String deployment) {
    public static DnsLayout defaults() {
        return new DnsLayout(new ConfigMapRef(WellKnown.KUBE_SYSTEM, WellKnown.COREDNS), WellKnown.COREDNS);
    }

    public boolean isDefault() {
        return equals(defaults());
    }
}
