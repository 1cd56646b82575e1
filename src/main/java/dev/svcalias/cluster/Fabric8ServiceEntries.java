package dev.svcalias.cluster;

import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;

/**
 * Istio ServiceEntries as generic resources (no Istio client works with fabric8 8). The version is discovered:
 * istiocoredns-era Istio served v1alpha3 (and v1beta1 from 1.5), current Istio serves v1 too.
 */
final class Fabric8ServiceEntries implements ServiceEntries {
    static final String GROUP = "networking.istio.io";
    private static final List<String> PREFERRED = List.of("v1", "v1beta1", "v1alpha3");
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
            for (String v : PREFERRED) {
                APIResourceList resources = errors.call("discover " + GROUP + "/" + v,
                        () -> client.getApiResources(GROUP + "/" + v));
                if (resources != null && resources.getResources().stream()
                        .anyMatch(r -> "serviceentries".equals(r.getName()))) {
                    version = v;
                    break;
                }
            }
            if (version == null) {
                throw SvcaliasException.state("Istio's ServiceEntry API (" + GROUP + ") is not served by this "
                        + "cluster", "install Istio (with the istiocoredns addon) before adding aliases");
            }
        }
        return version;
    }

    private ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(servedVersion())
                .withKind("ServiceEntry").withPlural("serviceentries").withNamespaced(true).build();
    }

    @Override
    public List<ServiceEntryRecord> listAll() {
        return errors.call("list serviceentries", () -> client.genericKubernetesResources(context()).inAnyNamespace()
                .list().getItems()).stream().map(Fabric8ServiceEntries::record).toList();
    }

    @Override
    public List<ServiceEntryRecord> listManaged() {
        return errors.call("list serviceentries", () -> client.genericKubernetesResources(context()).inAnyNamespace()
                .withLabel("app.kubernetes.io/managed-by", "svcalias").list().getItems()).stream()
                .map(Fabric8ServiceEntries::record).toList();
    }

    @Override
    public ServiceEntryRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        GenericKubernetesResource resource = client.getKubernetesSerialization()
                .convertValue(manifest, GenericKubernetesResource.class);
        String ns = resource.getMetadata().getNamespace();
        String what = "serviceentry " + ns + "/" + resource.getMetadata().getName();
        GenericKubernetesResource written;
        if (expectedResourceVersion == null) {
            written = errors.call(what, () -> client.genericKubernetesResources(context()).inNamespace(ns)
                    .resource(resource).create());
        } else {
            resource.getMetadata().setResourceVersion(expectedResourceVersion);
            written = errors.call(what, () -> client.genericKubernetesResources(context()).inNamespace(ns)
                    .resource(resource).update());
        }
        return record(written);
    }

    @Override
    public void delete(String namespace, String name) {
        errors.run("delete serviceentry " + namespace + "/" + name,
                () -> client.genericKubernetesResources(context()).inNamespace(namespace).withName(name).delete());
    }

    @SuppressWarnings("unchecked")
    private static ServiceEntryRecord record(GenericKubernetesResource r) {
        Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().getOrDefault("spec", Map.of());
        List<String> hosts = (List<String>) spec.getOrDefault("hosts", List.of());
        List<String> addresses = (List<String>) spec.getOrDefault("addresses", List.of());
        var meta = r.getMetadata();
        return new ServiceEntryRecord(meta.getNamespace(), meta.getName(), meta.getResourceVersion(),
                List.copyOf(hosts), List.copyOf(addresses),
                meta.getLabels() == null ? Map.of() : Map.copyOf(meta.getLabels()),
                meta.getAnnotations() == null ? Map.of() : Map.copyOf(meta.getAnnotations()));
    }
}
