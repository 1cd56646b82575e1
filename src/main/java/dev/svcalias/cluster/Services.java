package dev.svcalias.cluster;

import java.util.Optional;

/** Read access to Services, Namespaces, Deployments and Nodes. */
public interface Services {
    Optional<ServiceInfo> service(String namespace, String name);

    boolean namespaceExists(String namespace);

    /** Every Service in every namespace, in one list call (apply reads all its targets at once). */
    java.util.List<ServiceInfo> listAll();

    /** Image of the named container (or the first container when name is null) of a Deployment. */
    Optional<String> deploymentImage(String namespace, String deployment, String container);

    /** spec.providerID of every node (empty strings skipped), e.g. "gce://p/z/n", "aws:///us-east-1a/i-1". */
    java.util.List<String> nodeProviderIds();

    /** One key of a ConfigMap (e.g. Istio's mesh config), empty when the ConfigMap or the key is missing. */
    Optional<String> configMapValue(String namespace, String name, String key);

    /** Whether a DaemonSet exists (e.g. istio-system/ztunnel, the sign of Istio's ambient mode). */
    boolean daemonSetExists(String namespace, String name);

    /** kubectl rollout restart: sets the restartedAt annotation on the pod template. */
    void rolloutRestart(String namespace, String deployment);

    /**
     * The ready IPv4 endpoints of a Service, from its EndpointSlices (verify asks each CoreDNS replica); empty when
     * there are none or when listing EndpointSlices is forbidden (then only the ClusterIP is asked).
     */
    java.util.List<ServiceEndpoint> readyEndpoints(String namespace, String service);

    /**
     * Touches an annotation on each running pod of the namespace that mounts the ConfigMap (a configMap volume or a
     * projected source), so that each pod's kubelet syncs it at once, which refreshes its ConfigMap volumes (instead
     * of at its next periodic sync, up to about a minute later); nothing restarts. Returns how many pods were
     * touched; 0 when none mounts it or when listing or patching pods is forbidden.
     */
    int nudgePodsMounting(String namespace, String configMap);
}
