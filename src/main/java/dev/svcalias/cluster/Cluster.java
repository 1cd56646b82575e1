package dev.svcalias.cluster;

/** The narrow view of the API server the use cases need; one implementation talks to fabric8. */
public interface Cluster extends AutoCloseable {
    CorefileStore corefiles();

    Services services();

    ServiceEntries serviceEntries();

    /** ExternalName Services of the coredns and istio modes. */
    AliasServices aliasServices();

    /** istio mode's VirtualServices (one per alias, routing it to the target's own mesh cluster). */
    VirtualServices virtualServices();

    ProbePods probePods();

    /** Read-only look-ups for platform detection. */
    Inventory inventory();

    /** Single ConfigMap keys: coredns-custom's *.server keys, kube-dns's stubDomains. */
    ConfigMapKeys configMapKeys();

    /** OpenShift's DNS operator resource. */
    DnsOperator dnsOperator();

    /** helm-controller's HelmChartConfigs (RKE2's rke2-coredns chart values). */
    HelmChartConfigs helmChartConfigs();

    /** Human-readable: context name and server URL, for messages. */
    String describe();

    @Override
    void close();
}
