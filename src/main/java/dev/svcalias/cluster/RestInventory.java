package dev.svcalias.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link Inventory} over {@link KubeRest}: one GET per named object, one node list, one discovery call. */
final class RestInventory implements Inventory {
    private final KubeRest rest;
    private final ApiErrors errors;

    RestInventory(KubeRest rest, ApiErrors errors) {
        this.rest = rest;
        this.errors = errors;
    }

    @Override
    public Optional<ObjectFacts> get(String kind, String namespace, String name) {
        String what = "get " + kind.toLowerCase(Locale.ROOT) + " " + namespace + "/" + name;
        String path = switch (kind) {
            case "ConfigMap" -> "/api/v1/namespaces/" + namespace + "/configmaps/" + name;
            case "Deployment" -> "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + name;
            case "DaemonSet" -> "/apis/apps/v1/namespaces/" + namespace + "/daemonsets/" + name;
            default -> throw new IllegalArgumentException("unsupported kind " + kind);
        };
        return errors.call(what, () -> rest.get(path)).map(o -> facts(kind, o));
    }

    @Override
    public List<NodeFacts> nodes() {
        return Fields.items(errors.call("list nodes", () -> rest.send("GET", "/api/v1/nodes", null))).stream()
                .map(n -> {
                    Map<String, Object> metadata = Fields.map(n, "metadata");
                    String provider = Fields.string(Fields.map(n, "spec"), "providerID");
                    return new NodeFacts(Fields.string(metadata, "name"), provider == null ? "" : provider,
                            orEmpty(Fields.strings(metadata, "labels")));
                }).toList();
    }

    @Override
    public boolean serves(String resource) {
        int dot = resource.indexOf('.');
        String plural = resource.substring(0, dot);
        String groupVersion = resource.substring(dot + 1);
        String path = groupVersion.equals("v1") ? "/api/v1" : "/apis/" + groupVersion;
        try {
            return Fields.list(rest.send("GET", path, null), "resources").stream()
                    .anyMatch(r -> plural.equals(Fields.string(r, "name")));
        } catch (RestException e) {
            if (e.code() == 404) {
                return false; // the group/version is not served at all
            }
            throw errors.translate("get API discovery of " + groupVersion, e);
        }
    }

    private static ObjectFacts facts(String kind, Map<String, Object> o) {
        Map<String, Object> metadata = Fields.map(o, "metadata");
        Map<String, Object> spec = Fields.map(o, "spec");
        List<ObjectFacts.Container> containers = new ArrayList<>();
        Map<String, Object> podSpec = Fields.map(Fields.map(spec, "template"), "spec");
        for (Object c : Fields.list(podSpec, "containers")) {
            String image = Fields.string(c, "image");
            containers.add(new ObjectFacts.Container(Fields.string(c, "name"), image == null ? "" : image));
        }
        Map<String, String> data = kind.equals("ConfigMap") ? orEmpty(Fields.strings(o, "data"))
                : kind.equals("Deployment") && spec != null && spec.get("replicas") != null
                ? Map.of("replicas", spec.get("replicas").toString()) : Map.of();
        List<String> managers = Fields.list(metadata, "managedFields").stream()
                .map(f -> Fields.string(f, "manager")).filter(Objects::nonNull).distinct().toList();
        return new ObjectFacts(kind, Fields.string(metadata, "namespace"), Fields.string(metadata, "name"),
                orEmpty(Fields.strings(metadata, "labels")), orEmpty(Fields.strings(metadata, "annotations")), data,
                kind.equals("ConfigMap") ? List.of() : containers, managers);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
