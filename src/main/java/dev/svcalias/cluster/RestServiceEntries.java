package dev.svcalias.cluster;

import dev.svcalias.error.SvcaliasException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ServiceEntries} over {@link KubeRest}, request for request what {@link Fabric8ServiceEntries} sends: the
 * list tried at v1 first (discovery only on a 404), conditional create/replace, deletes preconditioned on the
 * resourceVersion and confirmed by reading the object back.
 */
final class RestServiceEntries implements ServiceEntries {
    private static final String GROUP = Fabric8ServiceEntries.GROUP;
    private final KubeRest rest;
    private final ApiErrors errors;
    private String version;

    RestServiceEntries(KubeRest rest, ApiErrors errors) {
        this.rest = rest;
        this.errors = errors;
    }

    @Override
    public String servedVersion() {
        if (version == null) {
            Map<String, Object> group = errors.call("discover " + GROUP, () -> rest.get("/apis/" + GROUP)).orElse(null);
            // without a real group document (fabric8's CRUD mock answers a List there) ask version by version
            List<String> served = group == null || !GROUP.equals(Fields.string(group, "name"))
                    || !(group.get("versions") instanceof List<?> versions) ? Fabric8ServiceEntries.PREFERRED
                    : versions.stream().map(v -> Fields.string(v, "version")).filter(Objects::nonNull).toList();
            version = Fabric8ServiceEntries.choose(served, this::hasServiceEntries);
        }
        return version;
    }

    private boolean hasServiceEntries(String v) {
        Optional<Map<String, Object>> resources = errors.call("discover " + GROUP + "/" + v,
                () -> rest.get("/apis/" + GROUP + "/" + v));
        return resources.isPresent() && Fields.list(resources.get(), "resources").stream()
                .anyMatch(r -> "serviceentries".equals(Fields.string(r, "name")));
    }

    private String collection(String v, String namespace) {
        return "/apis/" + GROUP + "/" + v + (namespace == null ? "" : "/namespaces/" + namespace) + "/serviceentries";
    }

    private List<Map<String, Object>> listAnyNamespace(String managedBy) {
        String query = managedBy == null ? "" : "?labelSelector="
                + Fields.encode(Fabric8ServiceEntries.MANAGED_BY + "=" + managedBy);
        if (version == null) {
            String guess = Fabric8ServiceEntries.PREFERRED.get(0);
            try {
                List<Map<String, Object>> items = Fields.items(rest.send("GET", collection(guess, null) + query, null));
                version = guess;
                return items;
            } catch (RestException e) {
                if (e.code() != 404) {
                    throw errors.translate("list serviceentries", e);
                }
            }
        }
        String path = collection(servedVersion(), null) + query;
        return Fields.items(errors.call("list serviceentries", () -> rest.send("GET", path, null)));
    }

    @Override
    public List<ServiceEntryRecord> listAll() {
        return listAnyNamespace(null).stream().map(RestServiceEntries::record).toList();
    }

    @Override
    public List<ServiceEntryRecord> listManaged() {
        return listAnyNamespace("svcalias").stream().map(RestServiceEntries::record).toList();
    }

    @Override
    public ServiceEntryRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        String v = servedVersion();
        Map<String, Object> resource = new LinkedHashMap<>(manifest);
        // the manifest may name another version than the one served; the path decides, the body must agree
        resource.put("apiVersion", GROUP + "/" + v);
        resource.put("kind", "ServiceEntry");
        Map<String, Object> metadata = new LinkedHashMap<>(Fields.map(manifest, "metadata"));
        String namespace = Fields.string(metadata, "namespace");
        String name = Fields.string(metadata, "name");
        return record(RestConditionalPut.put(rest, collection(v, namespace), name, resource, metadata,
                expectedResourceVersion, "serviceentry " + namespace + "/" + name, errors));
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        String what = "serviceentry " + namespace + "/" + name;
        try {
            rest.delete(collection(servedVersion(), namespace) + "/" + name,
                    Fields.deleteOptions(expectedResourceVersion));
        } catch (RestException e) {
            if (e.code() == 404) { // already gone: deleting is done
                return;
            }
            throw errors.translate("delete " + what, e);
        }
        confirmGone(namespace, name, what);
    }

    @Override
    public void delete(String namespace, String name) {
        String what = "serviceentry " + namespace + "/" + name;
        try {
            rest.delete(collection(servedVersion(), namespace) + "/" + name, Fields.deleteOptions(null));
        } catch (RestException e) {
            if (e.code() != 404) { // gone already is done, as fabric8's delete() has it
                throw errors.translate("delete " + what, e);
            }
        }
        confirmGone(namespace, name, what);
    }

    /** A 2xx from something that is not the API server must not pass as a delete: read the object back. */
    private void confirmGone(String namespace, String name, String what) {
        String path = collection(servedVersion(), namespace) + "/" + name;
        Optional<Map<String, Object>> still = errors.call("get " + what, () -> rest.get(path));
        if (still.isPresent() && Fields.string(Fields.map(still.get(), "metadata"), "deletionTimestamp") == null) {
            throw SvcaliasException.state("the API server answered the delete of " + what + " as done, but " + what
                    + " is still there", "check that --kubeconfig/--context point at the API server itself, not a "
                    + "proxy, then run the command again");
        }
    }

    static ServiceEntryRecord record(Map<String, Object> r) {
        Map<String, Object> spec = Fields.map(r, "spec");
        spec = spec == null ? Map.of() : spec;
        Map<String, Object> meta = Fields.map(r, "metadata");
        Map<String, String> storedLabels = Fields.strings(meta, "labels");
        Map<String, String> storedNotes = Fields.strings(meta, "annotations");
        Map<String, String> labels = storedLabels == null ? Map.of() : Map.copyOf(storedLabels);
        Map<String, String> annotations = storedNotes == null ? Map.of() : Map.copyOf(storedNotes);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", Fields.string(meta, "name"));
        metadata.put("namespace", Fields.string(meta, "namespace"));
        metadata.put("labels", labels);
        metadata.put("annotations", annotations);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", Fields.string(r, "apiVersion"));
        manifest.put("kind", Fields.string(r, "kind"));
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);
        return new ServiceEntryRecord(Fields.string(meta, "namespace"), Fields.string(meta, "name"),
                Fields.string(meta, "resourceVersion"), strings(spec.get("hosts")), strings(spec.get("addresses")),
                labels, annotations, java.util.Collections.unmodifiableMap(manifest));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Objects::nonNull).map(Object::toString).toList()
                : List.of();
    }
}
