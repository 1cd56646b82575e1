package dev.svcalias.platform;

/** One observation behind a detection: where it was seen ("node aks-1", "configmap kube-system/coredns") and what. */
public record Evidence(String where, String what) {
    @Override
    public String toString() {
        return where + ": " + what;
    }
}
