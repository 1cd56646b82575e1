package dev.svcalias.cluster;

import java.util.List;
import java.util.Map;

/**
 * A ServiceEntry as svcalias sees it: identity, hosts, addresses, and its labels/annotations
 * (which tell whether svcalias manages it and what its target is), and its whole spec (to put it back when a
 * plan that deleted it is rolled back).
 */
public record ServiceEntryRecord(String namespace, String name, String resourceVersion, List<String> hosts,
                                 List<String> addresses, Map<String, String> labels,
                                 Map<String, String> annotations, Map<String, Object> spec) {
    public ServiceEntryRecord(String namespace, String name, String resourceVersion, List<String> hosts,
                              List<String> addresses, Map<String, String> labels, Map<String, String> annotations) {
        this(namespace, name, resourceVersion, hosts, addresses, labels, annotations, Map.of());
    }

    /** A manifest that re-creates it as it was (no resourceVersion). */
    public Map<String, Object> manifest() {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("name", name);
        meta.put("namespace", namespace);
        meta.put("labels", labels);
        meta.put("annotations", annotations);
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("apiVersion", "networking.istio.io/v1alpha3");
        m.put("kind", "ServiceEntry");
        m.put("metadata", meta);
        m.put("spec", spec);
        return m;
    }
}
