package dev.svcalias.platform;

import java.util.List;

/**
 * The objects and API resources detection reads, by name: where each distribution keeps its DNS configuration.
 * A fixed, short list (a dozen GETs), so detection needs only get rights on these names (docs/rbac.md).
 */
public final class WellKnown {
    public static final String CONFIG_MAP = "ConfigMap";
    public static final String DEPLOYMENT = "Deployment";
    public static final String DAEMON_SET = "DaemonSet";

    public static final String KUBE_SYSTEM = "kube-system";
    public static final String COREDNS = "coredns";
    public static final String COREDNS_CUSTOM = "coredns-custom";
    public static final String KUBE_DNS = "kube-dns";
    public static final String NODE_LOCAL_DNS = "node-local-dns";
    public static final String RKE2_COREDNS = "rke2-coredns-rke2-coredns";
    public static final String OPENSHIFT_DNS_NAMESPACE = "openshift-dns";
    public static final String OPENSHIFT_DNS_DEFAULT = "dns-default";
    /** The DNS operator's resource, as probed in API discovery: plural.group/version. */
    public static final String OPENSHIFT_DNS_RESOURCE = "dnses.operator.openshift.io/v1";

    /** An object to read: kind, namespace, name. */
    public record Ref(String kind, String namespace, String name) {}

    private WellKnown() {}

    /** Every object detection reads; {@code kubeDnsNamespace}/{@code kubeDnsConfigMap} honour --kube-dns-configmap. */
    public static List<Ref> objects(String kubeDnsNamespace, String kubeDnsConfigMap, String kubeDnsDeployment) {
        return List.of(
                new Ref(CONFIG_MAP, kubeDnsNamespace, kubeDnsConfigMap),
                new Ref(CONFIG_MAP, KUBE_SYSTEM, COREDNS_CUSTOM),
                new Ref(CONFIG_MAP, KUBE_SYSTEM, KUBE_DNS),
                new Ref(CONFIG_MAP, KUBE_SYSTEM, NODE_LOCAL_DNS),
                new Ref(CONFIG_MAP, KUBE_SYSTEM, RKE2_COREDNS),
                new Ref(CONFIG_MAP, OPENSHIFT_DNS_NAMESPACE, OPENSHIFT_DNS_DEFAULT),
                new Ref(DEPLOYMENT, kubeDnsNamespace, kubeDnsDeployment),
                new Ref(DEPLOYMENT, KUBE_SYSTEM, KUBE_DNS),
                new Ref(DEPLOYMENT, KUBE_SYSTEM, RKE2_COREDNS),
                new Ref(DAEMON_SET, KUBE_SYSTEM, NODE_LOCAL_DNS));
    }

    public static List<String> resources() {
        return List.of(OPENSHIFT_DNS_RESOURCE);
    }

    public static List<String> namespaces() {
        return List.of(OPENSHIFT_DNS_NAMESPACE);
    }
}
