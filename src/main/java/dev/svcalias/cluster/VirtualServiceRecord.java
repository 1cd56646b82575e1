package dev.svcalias.cluster;

import java.util.List;
import java.util.Map;

/**
 * A VirtualService as read: identity, hosts, labels and annotations, and {@code manifest} (apiVersion, kind,
 * metadata name/namespace/labels/annotations, spec) without server-set fields, which a rollback re-creates.
 */
public record VirtualServiceRecord(String namespace, String name, String resourceVersion, List<String> hosts,
                                   Map<String, String> labels, Map<String, String> annotations,
                                   Map<String, Object> manifest) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> spec() {
        Object spec = manifest == null ? null : manifest.get("spec");
        return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
