package dev.svcalias.cluster;

import java.util.Map;

/**
 * {@link ConditionalPut} over {@link KubeRest}: a create when nothing was read, else a replace at the
 * resourceVersion read, where a changed or since-deleted object is a conflict.
 */
final class RestConditionalPut {
    private RestConditionalPut() {}

    /** @param metadata a copy of the resource's metadata, which this sets (resourceVersion) and puts back into it */
    static Map<String, Object> put(KubeRest rest, String collection, String name, Map<String, Object> resource,
                                   Map<String, Object> metadata, String expectedResourceVersion, String what,
                                   ApiErrors errors) {
        if (expectedResourceVersion == null) {
            metadata.remove("resourceVersion");
            resource.put("metadata", metadata);
            return errors.call("create " + what, () -> rest.send("POST", collection, resource));
        }
        metadata.put("resourceVersion", expectedResourceVersion);
        resource.put("metadata", metadata);
        try {
            return rest.send("PUT", collection + "/" + name, resource);
        } catch (RestException e) {
            if (e.code() == 404) { // deleted since it was read: as stale as a changed one
                throw new ConflictException(what, e);
            }
            throw errors.translate("update " + what, e);
        }
    }
}
