package dev.svcalias.cluster;

import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Istio ServiceEntries as generic resources (no Istio client works with fabric8 8). The version is discovered:
 * istiocoredns-era Istio served v1alpha3 (and v1beta1 from 1.5), current Istio serves v1 too. Only versions the
 * API server lists as served for the group, and that actually have the serviceentries resource, count.
 */
final class Fabric8ServiceEntries implements ServiceEntries {
    static final String GROUP = "networking.istio.io";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final List<String> PREFERRED = List.of("v1", "v1beta1", "v1alpha3");
    private final KubernetesClient client;
    private final ApiErrors errors;
    private String version;

    Fabric8ServiceEntries(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public String servedVersion() {
        if (version == null) {
            APIGroup group = errors.call("discover " + GROUP, () -> client.getApiGroup(GROUP));
            // without a real group document (fabric8's CRUD mock answers a List there) ask version by version
            List<String> served = group == null || !GROUP.equals(group.getName()) || group.getVersions() == null
                    ? PREFERRED : group.getVersions().stream().map(GroupVersionForDiscovery::getVersion)
                    .filter(Objects::nonNull).toList();
            version = choose(served, this::hasServiceEntries);
        }
        return version;
    }

    /** The most preferred version for which {@code lists} is true; null when none is. */
    static String firstServed(java.util.function.Predicate<String> lists) {
        for (String v : PREFERRED) {
            if (lists.test(v)) {
                return v;
            }
        }
        return null;
    }

    /** The most preferred of the served versions that has the serviceentries resource; exit 5 when none has. */
    static String choose(List<String> served, java.util.function.Predicate<String> hasServiceEntries) {
        for (String v : PREFERRED) {
            if (served.contains(v) && hasServiceEntries.test(v)) {
                return v;
            }
        }
        throw SvcaliasException.state("Istio's ServiceEntry API (" + GROUP + ") is not served by this "
                + "cluster", "install Istio (1.1 to 1.8, with the istiocoredns addon) before adding aliases;"
                + " kubectl api-resources --api-group=" + GROUP + " shows what is served");
    }

    private boolean hasServiceEntries(String v) {
        APIResourceList resources = errors.call("discover " + GROUP + "/" + v,
                () -> client.getApiResources(GROUP + "/" + v));
        return resources != null && resources.getResources() != null && resources.getResources().stream()
                .anyMatch(r -> "serviceentries".equals(r.getName()));
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> entries() {
        return entries(servedVersion());
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> entries(String v) {
        return client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(GROUP)
                .withVersion(v).withKind("ServiceEntry").withPlural("serviceentries")
                .withNamespaced(true).build());
    }

    /**
     * Lists without discovery when it can: the list is first tried at the most preferred version, which is what
     * discovery would pick whenever that version is served; only a 404 (not served, as in istiocoredns-era Istio)
     * falls back to discovery. Saves two sequential requests on current Istio.
     */
    private List<GenericKubernetesResource> listAnyNamespace(String managedBy) {
        if (version == null) {
            String guess = PREFERRED.get(0);
            try {
                List<GenericKubernetesResource> items = list(entries(guess), managedBy);
                version = guess;
                return items;
            } catch (KubernetesClientException e) {
                if (!ApiErrors.isNotFound(e)) {
                    throw errors.translate("list serviceentries", e);
                }
            }
        }
        var op = entries();
        return errors.call("list serviceentries", () -> list(op, managedBy));
    }

    private static List<GenericKubernetesResource> list(MixedOperation<GenericKubernetesResource,
            GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op, String managedBy) {
        var any = op.inAnyNamespace();
        return (managedBy == null ? any : any.withLabel(MANAGED_BY, managedBy)).list().getItems();
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        var op = entries();
        String what = "serviceentry " + namespace + "/" + name;
        try {
            op.inNamespace(namespace).withName(name).lockResourceVersion(expectedResourceVersion).delete();
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e)) { // already gone: deleting is done
                return;
            }
            throw errors.translate("delete " + what, e);
        }
        confirmGone(namespace, name, what);
    }

    /**
     * fabric8's delete() does not read the answer's body, so a 200 from something that is not the API server (a
     * proxy's or login page's HTML) looks like success: read the object back before calling it deleted.
     */
    private void confirmGone(String namespace, String name, String what) {
        var op = entries();
        GenericKubernetesResource still = errors.call("get " + what, () -> op.inNamespace(namespace).withName(name)
                .get());
        if (still != null && still.getMetadata().getDeletionTimestamp() == null) {
            throw SvcaliasException.state("the API server answered the delete of " + what + " as done, but " + what
                    + " is still there", "check that --kubeconfig/--context point at the API server itself, not a "
                    + "proxy, then run the command again");
        }
    }

    @Override
    public List<ServiceEntryRecord> listAll() {
        return listAnyNamespace(null).stream().map(Fabric8ServiceEntries::record).toList();
    }

    @Override
    public List<ServiceEntryRecord> listManaged() {
        return listAnyNamespace("svcalias").stream().map(Fabric8ServiceEntries::record).toList();
    }

    @Override
    public ServiceEntryRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        var op = entries();
        GenericKubernetesResource resource = client.getKubernetesSerialization()
                .convertValue(manifest, GenericKubernetesResource.class);
        // the manifest may name another version than the one served; the path decides, the body must agree
        resource.setApiVersion(GROUP + "/" + servedVersion());
        resource.setKind("ServiceEntry");
        String what = "serviceentry " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
        return record(ConditionalPut.put(op, resource, expectedResourceVersion, what, errors));
    }

    @Override
    public void delete(String namespace, String name) {
        var op = entries();
        errors.run("delete serviceentry " + namespace + "/" + name,
                () -> op.inNamespace(namespace).withName(name).delete());
        confirmGone(namespace, name, "serviceentry " + namespace + "/" + name);
    }

    @SuppressWarnings("unchecked")
    static ServiceEntryRecord record(GenericKubernetesResource r) {
        Object specValue = r.getAdditionalProperties().get("spec");
        Map<String, Object> spec = specValue instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        var meta = r.getMetadata();
        Map<String, String> labels = meta.getLabels() == null ? Map.of() : Map.copyOf(meta.getLabels());
        Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : Map.copyOf(meta.getAnnotations());
        return new ServiceEntryRecord(meta.getNamespace(), meta.getName(), meta.getResourceVersion(),
                strings(spec.get("hosts")), strings(spec.get("addresses")), labels, annotations,
                manifest(r, labels, annotations, spec));
    }

    /** What a rollback re-creates: the object as read, minus what the server sets (uid, resourceVersion, status). */
    private static Map<String, Object> manifest(GenericKubernetesResource r, Map<String, String> labels,
                                                Map<String, String> annotations, Map<String, Object> spec) {
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("name", r.getMetadata().getName());
        metadata.put("namespace", r.getMetadata().getNamespace());
        metadata.put("labels", labels);
        metadata.put("annotations", annotations);
        Map<String, Object> manifest = new java.util.LinkedHashMap<>();
        manifest.put("apiVersion", r.getApiVersion());
        manifest.put("kind", r.getKind());
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);
        return java.util.Collections.unmodifiableMap(manifest);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Objects::nonNull).map(Object::toString).toList()
                : List.of();
    }
}
