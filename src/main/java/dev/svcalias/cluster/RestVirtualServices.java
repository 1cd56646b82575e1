package dev.svcalias.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link VirtualServices} over {@link KubeRest}, request for request what {@link Fabric8VirtualServices} sends: the
 * served version by discovery (v1, v1beta1, v1alpha3), conditional create/replace, deletes preconditioned on the
 * resourceVersion read.
 */
final class RestVirtualServices implements VirtualServices {
    private static final String GROUP = Fabric8ServiceEntries.GROUP;
    private final KubeRest rest;
    private final ApiErrors errors;
    private String version;
    private boolean looked;

    RestVirtualServices(KubeRest rest, ApiErrors errors) {
        this.rest = rest;
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
            return Fields.list(rest.send("GET", "/apis/" + GROUP + "/" + v, null), "resources").stream()
                    .anyMatch(r -> "virtualservices".equals(Fields.string(r, "name")));
        } catch (RestException e) {
            if (e.code() == 404) {
                return false;
            }
            throw errors.translate("discover " + GROUP + "/" + v, e);
        }
    }

    private String collection(String namespace) {
        if (!served()) {
            throw dev.svcalias.error.SvcaliasException.state("Istio's VirtualService API (" + GROUP + ") is not "
                    + "served by this cluster", "install Istio's CRDs (istio mode routes each alias with a "
                    + "VirtualService), or run 'svcalias init --mode coredns'");
        }
        return "/apis/" + GROUP + "/" + version + (namespace == null ? "" : "/namespaces/" + namespace)
                + "/virtualservices";
    }

    @Override
    public List<VirtualServiceRecord> listAll() {
        String path = collection(null);
        return Fields.items(errors.call("list virtualservices", () -> rest.send("GET", path, null))).stream()
                .map(RestVirtualServices::record).toList();
    }

    @Override
    public VirtualServiceRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        Map<String, Object> metadata = new LinkedHashMap<>(Fields.map(manifest, "metadata"));
        String namespace = Fields.string(metadata, "namespace");
        String name = Fields.string(metadata, "name");
        String path = collection(namespace);
        Map<String, Object> resource = new LinkedHashMap<>(manifest);
        resource.put("apiVersion", GROUP + "/" + version); // the path decides the version, the body must agree
        resource.put("kind", "VirtualService");
        return record(RestConditionalPut.put(rest, path, name, resource, metadata, expectedResourceVersion,
                "virtualservice " + namespace + "/" + name, errors));
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        String path = collection(namespace) + "/" + name;
        try {
            rest.delete(path, Fields.deleteOptions(expectedResourceVersion));
        } catch (RestException e) {
            if (e.code() != 404) { // already gone: deleting is done
                throw errors.translate("delete virtualservice " + namespace + "/" + name, e);
            }
        }
    }

    /** The same reading as a ServiceEntry's: identity, hosts, labels, annotations, the manifest as read. */
    private static VirtualServiceRecord record(Map<String, Object> r) {
        ServiceEntryRecord read = RestServiceEntries.record(r);
        return new VirtualServiceRecord(read.namespace(), read.name(), read.resourceVersion(), read.hosts(),
                read.labels(), read.annotations(), read.manifest());
    }
}
