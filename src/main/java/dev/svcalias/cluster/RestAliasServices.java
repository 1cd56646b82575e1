package dev.svcalias.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AliasServices} over {@link KubeRest}; writes are create-or-conditional-update, as the fabric8 one. */
final class RestAliasServices implements AliasServices {
    private final KubeRest rest;
    private final ApiErrors errors;

    RestAliasServices(KubeRest rest, ApiErrors errors) {
        this.rest = rest;
        this.errors = errors;
    }

    private static String services(String namespace) {
        return "/api/v1/namespaces/" + namespace + "/services";
    }

    @Override
    public List<AliasService> list(String namespace) {
        return Fields.items(errors.call("list services in " + namespace, () -> rest.send("GET", services(namespace),
                null))).stream().map(RestAliasServices::record).toList();
    }

    @Override
    public AliasService apply(AliasService service, String expectedResourceVersion) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", service.name());
        metadata.put("namespace", service.namespace());
        metadata.put("labels", service.labels());
        metadata.put("annotations", service.annotations());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "ExternalName");
        spec.put("externalName", service.externalName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "Service");
        body.put("metadata", metadata);
        body.put("spec", spec);
        String what = (expectedResourceVersion == null ? "create" : "update") + " service " + service.namespace()
                + "/" + service.name();
        if (expectedResourceVersion != null) {
            metadata.put("resourceVersion", expectedResourceVersion);
        }
        // 409 (exists already, or changed since read) becomes a ConflictException
        return record(errors.call(what, () -> expectedResourceVersion == null
                ? rest.send("POST", services(service.namespace()), body)
                : rest.send("PUT", services(service.namespace()) + "/" + service.name(), body)));
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        errors.run("delete service " + namespace + "/" + name, () -> deleteIfThere(services(namespace) + "/" + name,
                Fields.deleteOptions(expectedResourceVersion)));
    }

    @Override
    public Optional<Map<String, String>> namespaceLabels(String namespace) {
        Optional<Map<String, Object>> ns = errors.call("get namespace " + namespace,
                () -> rest.get("/api/v1/namespaces/" + namespace));
        return ns.map(n -> {
            Map<String, String> labels = Fields.strings(Fields.map(n, "metadata"), "labels");
            return labels == null ? Map.of() : Map.copyOf(labels);
        });
    }

    @Override
    public void createNamespace(String namespace, Map<String, String> labels) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", namespace);
        metadata.put("labels", labels);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "Namespace");
        body.put("metadata", metadata);
        errors.run("create namespace " + namespace, () -> rest.send("POST", "/api/v1/namespaces", body));
    }

    @Override
    public void deleteNamespace(String namespace) {
        errors.run("delete namespace " + namespace, () -> deleteIfThere("/api/v1/namespaces/" + namespace,
                Fields.deleteOptions(null)));
    }

    /** As fabric8's delete(): an object that is gone already is no failure. */
    private void deleteIfThere(String path, Map<String, Object> options) {
        try {
            rest.delete(path, options);
        } catch (RestException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    private static AliasService record(Map<String, Object> service) {
        Map<String, Object> m = Fields.map(service, "metadata");
        Map<String, Object> spec = Fields.map(service, "spec");
        String externalName = spec == null || !"ExternalName".equals(Fields.string(spec, "type")) ? null
                : Fields.string(spec, "externalName");
        Map<String, String> labels = Fields.strings(m, "labels");
        Map<String, String> annotations = Fields.strings(m, "annotations");
        return new AliasService(Fields.string(m, "namespace"), Fields.string(m, "name"),
                Fields.string(m, "resourceVersion"), externalName, labels == null ? Map.of() : Map.copyOf(labels),
                annotations == null ? Map.of() : Map.copyOf(annotations));
    }
}
