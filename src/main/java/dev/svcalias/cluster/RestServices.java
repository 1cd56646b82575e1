package dev.svcalias.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link Services} over {@link KubeRest}: Services, namespaces, ConfigMap values, DaemonSets, Deployments' images
 * and nodes; the one write, a rollout restart (init --restart), goes to fabric8.
 */
final class RestServices implements Services {
    private final KubeRest rest;
    private final ApiErrors errors;
    private final Supplier<Services> fabric8;

    RestServices(KubeRest rest, ApiErrors errors, Supplier<Services> fabric8) {
        this.rest = rest;
        this.errors = errors;
        this.fabric8 = fabric8;
    }

    @Override
    public Optional<ServiceInfo> service(String namespace, String name) {
        return errors.call("get service " + namespace + "/" + name,
                () -> rest.get("/api/v1/namespaces/" + namespace + "/services/" + name)).flatMap(RestServices::info);
    }

    @Override
    public List<ServiceInfo> listAll() {
        return Fields.items(errors.call("list services", () -> rest.send("GET", "/api/v1/services", null))).stream()
                .map(RestServices::info).flatMap(Optional::stream).toList();
    }

    private static Optional<ServiceInfo> info(Map<String, Object> service) {
        Map<String, Object> spec = Fields.map(service, "spec");
        if (spec == null) {
            return Optional.empty();
        }
        Map<String, Object> metadata = Fields.map(service, "metadata");
        List<ServiceInfo.PortInfo> ports = new ArrayList<>();
        for (Object p : Fields.list(spec, "ports")) {
            Object port = p instanceof Map<?, ?> m ? m.get("port") : null;
            ports.add(new ServiceInfo.PortInfo(Fields.string(p, "name"), port instanceof Number n ? n.intValue() : 0,
                    Fields.string(p, "protocol")));
        }
        String type = Fields.string(spec, "type");
        return Optional.of(new ServiceInfo(Fields.string(metadata, "namespace"), Fields.string(metadata, "name"),
                type == null ? "ClusterIP" : type, Fields.string(spec, "clusterIP"), Fields.string(spec, "externalName"),
                List.copyOf(ports)));
    }

    @Override
    public boolean namespaceExists(String namespace) {
        return errors.call("get namespace " + namespace, () -> rest.get("/api/v1/namespaces/" + namespace))
                .isPresent();
    }

    @Override
    public Optional<String> configMapValue(String namespace, String name, String key) {
        Optional<Map<String, Object>> cm = errors.call("get configmap " + namespace + "/" + name,
                () -> rest.get("/api/v1/namespaces/" + namespace + "/configmaps/" + name));
        return cm.map(c -> Fields.strings(c, "data")).map(data -> data.get(key));
    }

    @Override
    public boolean daemonSetExists(String namespace, String name) {
        return errors.call("get daemonset " + namespace + "/" + name,
                () -> rest.get("/apis/apps/v1/namespaces/" + namespace + "/daemonsets/" + name)).isPresent();
    }

    @Override
    public Optional<String> deploymentImage(String namespace, String deployment, String container) {
        Optional<Map<String, Object>> d = errors.call("get deployment " + namespace + "/" + deployment,
                () -> rest.get("/apis/apps/v1/namespaces/" + namespace + "/deployments/" + deployment));
        Map<String, Object> podSpec = Fields.map(Fields.map(Fields.map(d.orElse(null), "spec"), "template"), "spec");
        if (podSpec == null) {
            return Optional.empty();
        }
        return Fields.list(podSpec, "containers").stream()
                .filter(c -> container == null || container.equals(Fields.string(c, "name"))).findFirst()
                .map(c -> Fields.string(c, "image"));
    }

    @Override
    public List<String> nodeProviderIds() {
        return Fields.items(errors.call("list nodes", () -> rest.send("GET", "/api/v1/nodes", null))).stream()
                .map(n -> Fields.string(Fields.map(n, "spec"), "providerID"))
                .filter(id -> id != null && !id.isBlank()).toList();
    }

    @Override
    public java.util.List<ServiceEndpoint> readyEndpoints(String namespace, String service) {
        return fabric8.get().readyEndpoints(namespace, service);
    }

    @Override
    public int nudgePods(String namespace, String deployment) {
        return fabric8.get().nudgePods(namespace, deployment);
    }

    @Override
    public void rolloutRestart(String namespace, String deployment) {
        fabric8.get().rolloutRestart(namespace, deployment);
    }
}
