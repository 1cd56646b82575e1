package dev.svcalias.cluster;

import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Corefiles in ConfigMaps. A write re-reads the object, refuses if its resourceVersion moved, changes only the
 * Corefile key and svcalias's backup annotation, and PUTs with that resourceVersion, so the API server rejects
 * it (409) if anything changed in between.
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
            throw SvcaliasException.state(ref + " has no key '" + ref.key() + "'",
                    "check that it is CoreDNS's ConfigMap (kubectl get " + "configmap -n " + ref.namespace() + " "
                            + ref.name() + " -o yaml)");
        }
        Map<String, String> annotations = cm.getMetadata().getAnnotations();
        String backup = annotations == null ? null : annotations.get(BACKUP_ANNOTATION);
        return Optional.of(new CorefileSnapshot(ref, cm.getMetadata().getResourceVersion(), corefile,
                Optional.ofNullable(backup)));
    }

    @Override
    public CorefileSnapshot write(CorefileSnapshot read, String newCorefile, boolean dropBackup) {
        ConfigMapRef ref = read.ref();
        ConfigMap cm = get(ref);
        if (cm == null) {
            throw SvcaliasException.state(ref + " was deleted while svcalias edited it", "recreate it and run again");
        }
        if (!cm.getMetadata().getResourceVersion().equals(read.resourceVersion())) {
            throw new ConflictException(ref.toString(), null);
        }
        Map<String, String> data = new HashMap<>(cm.getData());
        data.put(ref.key(), newCorefile);
        cm.setData(data);
        Map<String, String> annotations = cm.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(cm.getMetadata().getAnnotations());
        if (dropBackup) {
            annotations.remove(BACKUP_ANNOTATION);
        } else {
            annotations.putIfAbsent(BACKUP_ANNOTATION, read.corefile());
        }
        cm.getMetadata().setAnnotations(annotations);
        ConfigMap written = errors.call(ref.toString(),
                () -> client.configMaps().inNamespace(ref.namespace()).resource(cm).update());
        return new CorefileSnapshot(ref, written.getMetadata().getResourceVersion(), newCorefile,
                Optional.ofNullable(annotations.get(BACKUP_ANNOTATION)));
    }

    private ConfigMap get(ConfigMapRef ref) {
        return errors.call(ref.toString(),
                () -> client.configMaps().inNamespace(ref.namespace()).withName(ref.name()).get());
    }
}
