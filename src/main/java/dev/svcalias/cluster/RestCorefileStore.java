package dev.svcalias.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link CorefileStore} over {@link KubeRest}: the same reads and the same conditional PUT as the fabric8 one. */
final class RestCorefileStore implements CorefileStore {
    private final KubeRest rest;
    private final ApiErrors errors;

    RestCorefileStore(KubeRest rest, ApiErrors errors) {
        this.rest = rest;
        this.errors = errors;
    }

    static String path(ConfigMapRef ref) {
        return "/api/v1/namespaces/" + ref.namespace() + "/configmaps/" + ref.name();
    }

    @Override
    public Optional<CorefileSnapshot> read(ConfigMapRef ref) {
        Map<String, Object> cm = get(ref);
        if (cm == null) {
            return Optional.empty();
        }
        Map<String, String> data = Fields.strings(cm, "data");
        String corefile = data == null ? null : data.get(ref.key());
        if (corefile == null) {
            throw CorefileStore.missingKey(ref);
        }
        Map<String, Object> metadata = Fields.map(cm, "metadata");
        Map<String, String> annotations = Fields.strings(metadata, "annotations");
        String backup = annotations == null ? null : annotations.get(BACKUP_ANNOTATION);
        return Optional.of(new CorefileSnapshot(ref, Fields.string(metadata, "resourceVersion"), corefile,
                Optional.ofNullable(backup)));
    }

    @Override
    public CorefileSnapshot write(CorefileSnapshot read, String newCorefile, boolean dropBackup) {
        ConfigMapRef ref = read.ref();
        CorefileStore.requireReadVersion(read);
        Map<String, Object> cm = get(ref);
        if (cm == null) {
            throw new ConflictException(ref.toString(), null);
        }
        Map<String, Object> metadata = new LinkedHashMap<>(Fields.map(cm, "metadata"));
        // the server, not this client, decides whether the object moved: PUT with the resourceVersion of the read
        metadata.put("resourceVersion", read.resourceVersion());
        Map<String, String> data = Fields.strings(cm, "data");
        data = data == null ? new LinkedHashMap<>() : data;
        data.put(ref.key(), newCorefile);
        cm.put("data", data);
        Map<String, String> stored = Fields.strings(metadata, "annotations");
        Map<String, String> annotations = stored == null ? new LinkedHashMap<>() : stored;
        if (dropBackup) {
            annotations.remove(BACKUP_ANNOTATION);
        } else {
            annotations.putIfAbsent(BACKUP_ANNOTATION, read.backup().orElse(read.corefile()));
        }
        if (!annotations.isEmpty() || stored != null) {
            metadata.put("annotations", annotations);
        }
        cm.put("metadata", metadata);
        Map<String, Object> written;
        try {
            written = rest.send("PUT", path(ref), cm);
        } catch (RestException e) {
            if (e.code() == 404) { // deleted between our GET and PUT
                throw new ConflictException(ref.toString(), e);
            }
            throw errors.translate("update configmap " + ref.namespace() + "/" + ref.name(), e);
        }
        Map<String, Object> meta = Fields.map(written, "metadata");
        Map<String, String> after = Fields.strings(meta, "annotations");
        Map<String, String> writtenData = Fields.strings(written, "data");
        return new CorefileSnapshot(ref, Fields.string(meta, "resourceVersion"),
                writtenData == null ? null : writtenData.get(ref.key()),
                Optional.ofNullable(after == null ? null : after.get(BACKUP_ANNOTATION)));
    }

    private Map<String, Object> get(ConfigMapRef ref) {
        return errors.call("get configmap " + ref.namespace() + "/" + ref.name(),
                () -> rest.get(path(ref)).orElse(null));
    }
}
