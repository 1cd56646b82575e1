package dev.svcalias.cluster;

import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Services, namespaces, Deployments and nodes, read (and one restart) through fabric8. */
final class Fabric8Services implements Services {
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    private final KubernetesClient client;
    private final ApiErrors errors;

    Fabric8Services(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public Optional<ServiceInfo> service(String namespace, String name) {
        Service s = errors.call("get service " + namespace + "/" + name,
                () -> client.services().inNamespace(namespace).withName(name).get());
        return info(s);
    }

    @Override
    public List<ServiceInfo> listAll() {
        return errors.call("list services", () -> client.services().inAnyNamespace().list().getItems()).stream()
                .map(Fabric8Services::info).flatMap(Optional::stream).toList();
    }

    private static Optional<ServiceInfo> info(Service s) {
        if (s == null || s.getSpec() == null) {
            return Optional.empty();
        }
        String namespace = s.getMetadata().getNamespace();
        String name = s.getMetadata().getName();
        List<ServiceInfo.PortInfo> ports = new ArrayList<>();
        if (s.getSpec().getPorts() != null) {
            for (ServicePort p : s.getSpec().getPorts()) {
                ports.add(new ServiceInfo.PortInfo(p.getName(), p.getPort(), p.getProtocol()));
            }
        }
        String type = s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType();
        return Optional.of(new ServiceInfo(namespace, name, type, s.getSpec().getClusterIP(),
                s.getSpec().getExternalName(), List.copyOf(ports)));
    }

    @Override
    public boolean namespaceExists(String namespace) {
        return errors.call("get namespace " + namespace, () -> client.namespaces().withName(namespace).get()) != null;
    }

    @Override
    public Optional<String> deploymentImage(String namespace, String deployment, String container) {
        Deployment d = errors.call("get deployment " + namespace + "/" + deployment,
                () -> client.apps().deployments().inNamespace(namespace).withName(deployment).get());
        if (d == null || d.getSpec() == null || d.getSpec().getTemplate() == null
                || d.getSpec().getTemplate().getSpec() == null) {
            return Optional.empty();
        }
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        return containers.stream().filter(c -> container == null || container.equals(c.getName())).findFirst()
                .map(Container::getImage);
    }

    @Override
    public List<String> nodeProviderIds() {
        List<Node> nodes = errors.call("list nodes", () -> client.nodes().list().getItems());
        return nodes.stream().map(n -> n.getSpec() == null ? null : n.getSpec().getProviderID())
                .filter(id -> id != null && !id.isBlank()).toList();
    }

    @Override
    public Optional<String> configMapValue(String namespace, String name, String key) {
        var cm = errors.call("get configmap " + namespace + "/" + name,
                () -> client.configMaps().inNamespace(namespace).withName(name).get());
        return cm == null || cm.getData() == null ? Optional.empty() : Optional.ofNullable(cm.getData().get(key));
    }

    @Override
    public boolean daemonSetExists(String namespace, String name) {
        return errors.call("get daemonset " + namespace + "/" + name,
                () -> client.apps().daemonSets().inNamespace(namespace).withName(name).get()) != null;
    }

    @Override
    public void rolloutRestart(String namespace, String deployment) {
        // what kubectl rollout restart does, as a JSON merge patch (strategic merge is not needed for one key)
        String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + RESTARTED_AT + "\":\""
                + Instant.now() + "\"}}}}}";
        try {
            client.apps().deployments().inNamespace(namespace).withName(deployment)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e)) {
                throw SvcaliasException.state("deployment " + namespace + "/" + deployment + " does not exist, so it "
                        + "cannot be restarted", "restart CoreDNS yourself: kubectl rollout restart deployment -n "
                        + namespace + " <name>");
            }
            throw errors.translate("patch deployment " + namespace + "/" + deployment, e);
        }
    }

    @Override
    public List<ServiceEndpoint> readyEndpoints(String namespace, String service) {
        List<EndpointSlice> slices;
        try {
            slices = client.discovery().v1().endpointSlices().inNamespace(namespace)
                    .withLabel("kubernetes.io/service-name", service).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return List.of(); // an older RBAC without the rule: verify asks the ClusterIP only
            }
            throw errors.translate("list endpointslices in " + namespace, e);
        }
        List<ServiceEndpoint> ready = new ArrayList<>();
        for (EndpointSlice slice : slices) {
            if (!"IPv4".equals(slice.getAddressType()) || slice.getEndpoints() == null) {
                continue;
            }
            for (Endpoint e : slice.getEndpoints()) {
                boolean isReady = e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady());
                String pod = e.getTargetRef() == null || e.getTargetRef().getName() == null ? ""
                        : e.getTargetRef().getName();
                if (isReady && e.getAddresses() != null) {
                    e.getAddresses().forEach(a -> ready.add(new ServiceEndpoint(a, pod)));
                }
            }
        }
        return ready.stream().distinct().sorted(java.util.Comparator.comparing(ServiceEndpoint::address)).toList();
    }

    /** The annotation whose new value makes each kubelet sync its pod now (a pod update is a sync). */
    static final String CONFIG_WRITTEN_AT = "svcalias.dev/config-written-at";

    @Override
    public int nudgePodsMounting(String namespace, String configMap) {
        String patch = "{\"metadata\":{\"annotations\":{\"" + CONFIG_WRITTEN_AT + "\":\"" + Instant.now() + "\"}}}";
        try {
            int touched = 0;
            for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
                if (pod.getMetadata().getDeletionTimestamp() == null && mounts(pod, configMap)) {
                    // with the listed pod as the item, fabric8 sends the PATCH without a GET first (no get right)
                    client.pods().inNamespace(namespace).resource(pod).patch(PatchContext.of(PatchType.JSON_MERGE),
                            patch);
                    touched++;
                }
            }
            return touched;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 || e.getCode() == 404) {
                return 0; // an older RBAC without the rule, or a pod gone meanwhile: the kubelet's own sync follows
            }
            throw errors.translate("patch pods mounting configmap " + namespace + "/" + configMap, e);
        }
    }

    /** Whether a volume of the pod is the ConfigMap, directly or as a projected source. */
    static boolean mounts(Pod pod, String configMap) {
        if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
            return false;
        }
        return pod.getSpec().getVolumes().stream().anyMatch(v -> (v.getConfigMap() != null
                && configMap.equals(v.getConfigMap().getName())) || (v.getProjected() != null
                && v.getProjected().getSources() != null && v.getProjected().getSources().stream()
                .anyMatch(s -> s.getConfigMap() != null && configMap.equals(s.getConfigMap().getName()))));
    }
}
