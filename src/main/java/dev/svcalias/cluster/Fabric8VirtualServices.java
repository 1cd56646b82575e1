package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * VirtualServices as generic resources, like {@link Fabric8ServiceEntries}: the version is the most preferred one
 * the API server lists the virtualservices resource under (v1 on current Istio, v1alpha3 on the oldest).
 */
final class Fabric8VirtualServices implements VirtualServices {
    private static final String GROUP = Fabric8ServiceEntries.GROUP;
    private final KubernetesClient client;
    private final ApiErrors errors;
    private String version;
    private boolean looked;

    Fabric8VirtualServices(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public boolean served() {
        if (!looked) {
            version = Fabric8ServiceEntries.firstServed(this::lists);
            looked = true;
        }
        return version != null;
    }

    private boolean lists(String v) {
        try {
            APIResourceList resources = client.getApiResources(GROUP + "/" + v);
            return resources != null && resources.getResources() != null && resources.getResources().stream()
                    .anyMatch(r -> "virtualservices".equals(r.getName()));
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e)) {
                return false;
            }
            throw errors.translate("discover " + GROUP + "/" + v, e);
        }
    }

    private ResourceDefinitionContext context() {
        if (!served()) {
            throw dev.svcalias.error.SvcaliasException.state("Istio's VirtualService API (" + GROUP + ") is not "
                    + "served by this cluster", "install Istio's CRDs (istio mode routes each alias with a "
                    + "VirtualService), or run 'svcalias init --mode coredns'");
        }
        return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(version)
                .withKind("VirtualService").withPlural("virtualservices").withNamespaced(true).build();
    }

    @Override
    public List<VirtualServiceRecord> listAll() {
        var op = client.genericKubernetesResources(context());
        return errors.call("list virtualservices", () -> op.inAnyNamespace().list().getItems()).stream()
                .map(Fabric8VirtualServices::record).toList();
    }

    @Override
    public VirtualServiceRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        var op = client.genericKubernetesResources(context());
        GenericKubernetesResource resource = client.getKubernetesSerialization()
                .convertValue(manifest, GenericKubernetesResource.class);
        resource.setApiVersion(GROUP + "/" + version); // the path decides the version, the body must agree
        resource.setKind("VirtualService");
        String what = "virtualservice " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
        return record(ConditionalPut.put(op, resource, expectedResourceVersion, what, errors));
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        var op = client.genericKubernetesResources(context());
        try {
            op.inNamespace(namespace).withName(name).lockResourceVersion(expectedResourceVersion).delete();
        } catch (KubernetesClientException e) {
            if (!ApiErrors.isNotFound(e)) { // already gone: deleting is done
                throw errors.translate("delete virtualservice " + namespace + "/" + name, e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static VirtualServiceRecord record(GenericKubernetesResource r) {
        Object specValue = r.getAdditionalProperties().get("spec");
        Map<String, Object> spec = specValue instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        var meta = r.getMetadata();
        Map<String, String> labels = meta.getLabels() == null ? Map.of() : Map.copyOf(meta.getLabels());
        Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : Map.copyOf(meta.getAnnotations());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", meta.getName());
        metadata.put("namespace", meta.getNamespace());
        metadata.put("labels", labels);
        metadata.put("annotations", annotations);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", r.getApiVersion());
        manifest.put("kind", r.getKind());
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);
        List<String> hosts = spec.get("hosts") instanceof List<?> l
                ? l.stream().filter(Objects::nonNull).map(Object::toString).toList() : List.of();
        return new VirtualServiceRecord(meta.getNamespace(), meta.getName(), meta.getResourceVersion(), hosts,
                labels, annotations, java.util.Collections.unmodifiableMap(manifest));
    }
}
