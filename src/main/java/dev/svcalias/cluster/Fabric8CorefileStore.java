package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Corefiles in ConfigMaps. A write starts from the object as the server has it now, changes only the Corefile key
 * and svcalias's backup annotation, and PUTs it with the resourceVersion of the snapshot the edit was computed
 * from: if anything changed since that read, the API server answers 409 and nothing is written. There is no
 * unconditional path.
 */
final class Fabric8CorefileStore implements CorefileStore {
    private final KubernetesClient client;
    private final ApiErrors errors;

    Fabric8CorefileStore(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public Optional<CorefileSnapshot> read(ConfigMapRef ref) {
        ConfigMap cm = get(ref);
        if (cm == null) {
            return Optional.empty();
        }
        String corefile = cm.getData() == null ? null : cm.getData().get(ref.key());
        if (corefile == null) {
            throw CorefileStore.missingKey(ref);
        }
        Map<String, String> annotations = cm.getMetadata().getAnnotations();
        String backup = annotations == null ? null : annotations.get(BACKUP_ANNOTATION);
        return Optional.of(new CorefileSnapshot(ref, cm.getMetadata().getResourceVersion(), corefile,
                Optional.ofNullable(backup)));
    }

    @Override
    public CorefileSnapshot write(CorefileSnapshot read, String newCorefile, boolean dropBackup) {
        ConfigMapRef ref = read.ref();
        CorefileStore.requireReadVersion(read);
        ConfigMap cm = get(ref);
        if (cm == null) {
            throw new ConflictException(ref.toString(), null);
        }
        // the server, not this client, decides whether the object moved: PUT with the resourceVersion of the read
        cm.getMetadata().setResourceVersion(read.resourceVersion());
        Map<String, String> data = cm.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(cm.getData());
        data.put(ref.key(), newCorefile);
        cm.setData(data);
        Map<String, String> annotations = cm.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(cm.getMetadata().getAnnotations());
        if (dropBackup) {
            annotations.remove(BACKUP_ANNOTATION);
        } else {
            annotations.putIfAbsent(BACKUP_ANNOTATION, read.backup().orElse(read.corefile()));
        }
        cm.getMetadata().setAnnotations(annotations.isEmpty() && cm.getMetadata().getAnnotations() == null ? null
                : annotations);
        ConfigMap written;
        try {
            written = client.configMaps().inNamespace(ref.namespace()).resource(cm).update();
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e)) { // deleted between our GET and PUT
                throw new ConflictException(ref.toString(), e);
            }
            throw errors.translate("update configmap " + ref.namespace() + "/" + ref.name(), e);
        }
        Map<String, String> stored = written.getMetadata().getAnnotations();
        return new CorefileSnapshot(ref, written.getMetadata().getResourceVersion(),
                written.getData().get(ref.key()), Optional.ofNullable(stored == null ? null
                : stored.get(BACKUP_ANNOTATION)));
    }

    private ConfigMap get(ConfigMapRef ref) {
        return errors.call("get configmap " + ref.namespace() + "/" + ref.name(),
                () -> client.configMaps().inNamespace(ref.namespace()).withName(ref.name()).get());
    }
}
