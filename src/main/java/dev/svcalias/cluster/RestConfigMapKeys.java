package dev.svcalias.cluster;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ConfigMapKeys} over {@link KubeRest}: GET, then PUT/POST/DELETE conditional on what was read. */
final class RestConfigMapKeys implements ConfigMapKeys {
    private final KubeRest rest;
    private final ApiErrors errors;

    RestConfigMapKeys(KubeRest rest, ApiErrors errors) {
        this.rest = rest;
        this.errors = errors;
    }

    @Override
    public KeySnapshot read(ConfigMapRef ref) {
        Map<String, Object> cm = get(ref);
        return cm == null ? KeySnapshot.absent(ref) : snapshot(ref, cm);
    }

    @Override
    public KeySnapshot write(KeySnapshot read, Optional<String> value, Map<String, Optional<String>> annotations) {
        ConfigMapRef ref = read.ref();
        if (!read.exists()) {
            return value.isEmpty() ? read : create(ref, value.get(), annotations);
        }
        Map<String, Object> cm = get(ref);
        Map<String, Object> metadata = cm == null ? null : new LinkedHashMap<>(Fields.map(cm, "metadata"));
        if (cm == null || !read.resourceVersion().equals(Fields.string(metadata, "resourceVersion"))) {
            throw new ConflictException(ref.toString(), null);
        }
        Map<String, String> stored = Fields.strings(cm, "data");
        Map<String, String> data = stored == null ? new LinkedHashMap<>() : stored;
        value.ifPresentOrElse(v -> data.put(ref.key(), v), () -> data.remove(ref.key()));
        Map<String, String> storedNotes = Fields.strings(metadata, "annotations");
        Map<String, String> notes = storedNotes == null ? new LinkedHashMap<>() : storedNotes;
        ConfigMapKeysRules.annotate(notes, annotations);
        Map<String, Object> binary = Fields.map(cm, "binaryData");
        if (data.isEmpty() && (binary == null || binary.isEmpty()) && notes.containsKey(CREATED_ANNOTATION)
                && ConfigMapKeysRules.onlySvcalias(notes)) {
            delete(ref, read.resourceVersion());
            return KeySnapshot.absent(ref);
        }
        if (data.isEmpty() && stored == null) {
            cm.remove("data");
        } else {
            cm.put("data", data);
        }
        if (notes.isEmpty() && storedNotes == null) {
            metadata.remove("annotations");
        } else {
            metadata.put("annotations", notes);
        }
        metadata.put("resourceVersion", read.resourceVersion());
        cm.put("metadata", metadata);
        try {
            return snapshot(ref, rest.send("PUT", RestCorefileStore.path(ref), cm));
        } catch (RestException e) {
            if (e.code() == 404) {
                throw new ConflictException(ref.toString(), e);
            }
            throw errors.translate("update configmap " + ref.namespace() + "/" + ref.name(), e);
        }
    }

    private KeySnapshot create(ConfigMapRef ref, String value, Map<String, Optional<String>> annotations) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(CREATED_ANNOTATION, "true");
        ConfigMapKeysRules.annotate(notes, annotations);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", ref.name());
        metadata.put("namespace", ref.namespace());
        metadata.put("labels", Map.of("app.kubernetes.io/managed-by", "svcalias"));
        metadata.put("annotations", notes);
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        cm.put("metadata", metadata);
        cm.put("data", Map.of(ref.key(), value));
        try {
            return snapshot(ref, rest.send("POST", "/api/v1/namespaces/" + ref.namespace() + "/configmaps", cm));
        } catch (RestException e) {
            if (e.code() == 409) { // someone created it since we read: re-read and redo
                throw new ConflictException(ref.toString(), e);
            }
            throw errors.translate("create configmap " + ref.namespace() + "/" + ref.name(), e);
        }
    }

    /** Deletes only the version that was read (a precondition on the resourceVersion). */
    private void delete(ConfigMapRef ref, String resourceVersion) {
        try {
            rest.delete(RestCorefileStore.path(ref), Fields.deleteOptions(resourceVersion));
        } catch (RestException e) {
            if (e.code() == 404) {
                return; // already gone, as fabric8's delete takes a 404
            }
            if (e.code() == 409) {
                throw new ConflictException(ref.toString(), e);
            }
            throw errors.translate("delete configmap " + ref.namespace() + "/" + ref.name(), e);
        }
    }

    private Map<String, Object> get(ConfigMapRef ref) {
        return errors.call("get configmap " + ref.namespace() + "/" + ref.name(),
                () -> rest.get(RestCorefileStore.path(ref)).orElse(null));
    }

    private static KeySnapshot snapshot(ConfigMapRef ref, Map<String, Object> cm) {
        Map<String, String> stored = Fields.strings(cm, "data");
        Map<String, String> data = stored == null ? Map.of() : stored;
        Map<String, Object> metadata = Fields.map(cm, "metadata");
        Map<String, String> notes = Fields.strings(metadata, "annotations");
        Map<String, String> all = notes == null ? Map.of() : notes;
        Set<String> others = new HashSet<>(data.keySet());
        others.remove(ref.key());
        Map<String, Object> binary = Fields.map(cm, "binaryData");
        if (binary != null) {
            others.addAll(binary.keySet());
        }
        return new KeySnapshot(ref, Fields.string(metadata, "resourceVersion"), Optional.ofNullable(data.get(ref.key())),
                ConfigMapKeysRules.ours(all), others, all.containsKey(CREATED_ANNOTATION));
    }
}
