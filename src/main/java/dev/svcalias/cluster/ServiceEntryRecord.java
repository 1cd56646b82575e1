package dev.svcalias.cluster;

import java.util.List;
import java.util.Map;

/**
 * A ServiceEntry as svcalias sees it: identity, hosts, addresses, and its labels/annotations
 * (which tell whether svcalias manages it and what its target is). {@code manifest} is the object as read
 * (apiVersion, kind, metadata name/namespace/labels/annotations, spec) without server-set fields, so that a
 * rollback can put back exactly what a replace or a delete took away.
 */
public record ServiceEntryRecord(String namespace, String name, String resourceVersion, List<String> hosts,
                                 List<String> addresses, Map<String, String> labels,
                                 Map<String, String> annotations, Map<String, Object> manifest) {
    /** The spec as read (empty when unknown). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> spec() {
        Object spec = manifest == null ? null : manifest.get("spec");
        return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
