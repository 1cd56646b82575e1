package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ConfigMapKeys} through fabric8: GET, then PUT/POST/DELETE conditional on what was read. */
final class Fabric8ConfigMapKeys implements ConfigMapKeys {
    private final KubernetesClient client;
    private final ApiErrors errors;

    Fabric8ConfigMapKeys(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public KeySnapshot read(ConfigMapRef ref) {
        ConfigMap cm = errors.call("get configmap " + ref.namespace() + "/" + ref.name(),
                () -> client.configMaps().inNamespace(ref.namespace()).withName(ref.name()).get());
        return cm == null ? KeySnapshot.absent(ref) : snapshot(ref, cm);
    }

    @Override
    public KeySnapshot write(KeySnapshot read, Optional<String> value, Map<String, Optional<String>> annotations) {
        ConfigMapRef ref = read.ref();
        if (!read.exists()) {
            return value.isEmpty() ? read : create(ref, value.get(), annotations);
        }
        ConfigMap cm = errors.call("get configmap " + ref.namespace() + "/" + ref.name(),
                () -> client.configMaps().inNamespace(ref.namespace()).withName(ref.name()).get());
        if (cm == null || !read.resourceVersion().equals(cm.getMetadata().getResourceVersion())) {
            throw new ConflictException(ref.toString(), null);
        }
        Map<String, String> data = cm.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(cm.getData());
        value.ifPresentOrElse(v -> data.put(ref.key(), v), () -> data.remove(ref.key()));
        Map<String, String> notes = cm.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(cm.getMetadata().getAnnotations());
        ConfigMapKeysRules.annotate(notes, annotations);
        if (data.isEmpty() && (cm.getBinaryData() == null || cm.getBinaryData().isEmpty())
                && notes.containsKey(CREATED_ANNOTATION) && ConfigMapKeysRules.onlySvcalias(notes)) {
            delete(ref, read.resourceVersion());
            return KeySnapshot.absent(ref);
        }
        cm.setData(data.isEmpty() && cm.getData() == null ? null : data);
        cm.getMetadata().setAnnotations(notes.isEmpty() && cm.getMetadata().getAnnotations() == null ? null : notes);
        cm.getMetadata().setResourceVersion(read.resourceVersion());
        try {
            return snapshot(ref, client.configMaps().inNamespace(ref.namespace()).resource(cm).update());
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e)) {
                throw new ConflictException(ref.toString(), e);
            }
            throw errors.translate("update configmap " + ref.namespace() + "/" + ref.name(), e);
        }
    }

    private KeySnapshot create(ConfigMapRef ref, String value, Map<String, Optional<String>> annotations) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(CREATED_ANNOTATION, "true");
        ConfigMapKeysRules.annotate(notes, annotations);
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName(ref.name()).withNamespace(ref.namespace())
                .addToLabels("app.kubernetes.io/managed-by", "svcalias").withAnnotations(notes).endMetadata()
                .addToData(ref.key(), value).build();
        try {
            return snapshot(ref, client.configMaps().inNamespace(ref.namespace()).resource(cm).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) { // someone created it since we read: re-read and redo
                throw new ConflictException(ref.toString(), e);
            }
            throw errors.translate("create configmap " + ref.namespace() + "/" + ref.name(), e);
        }
    }

    /** Deletes only the version that was read (a precondition on the resourceVersion). */
    private void delete(ConfigMapRef ref, String resourceVersion) {
        try {
            client.configMaps().inNamespace(ref.namespace()).withName(ref.name()).lockResourceVersion(resourceVersion)
                    .delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || ApiErrors.isNotFound(e)) {
                throw new ConflictException(ref.toString(), e);
            }
            throw errors.translate("delete configmap " + ref.namespace() + "/" + ref.name(), e);
        }
    }

    private static KeySnapshot snapshot(ConfigMapRef ref, ConfigMap cm) {
        Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
        Map<String, String> all = cm.getMetadata().getAnnotations() == null ? Map.of()
                : cm.getMetadata().getAnnotations();
        Set<String> others = new HashSet<>(data.keySet());
        others.remove(ref.key());
        if (cm.getBinaryData() != null) {
            others.addAll(cm.getBinaryData().keySet());
        }
        return new KeySnapshot(ref, cm.getMetadata().getResourceVersion(), Optional.ofNullable(data.get(ref.key())),
                ConfigMapKeysRules.ours(all), others, all.containsKey(CREATED_ANNOTATION));
    }
}
