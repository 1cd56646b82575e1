package dev.svcalias.plan;

import dev.svcalias.cluster.AliasService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The ordered writes of one command. Empty when everything is already as asked (idempotent re-runs). */
public record Plan(List<Change> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }

    public static Plan of(Change... changes) {
        return new Plan(List.of(changes));
    }

    /** Only the changes that would write something. */
    public Plan effective() {
        return new Plan(changes.stream().filter(Change::writes).toList());
    }

    public boolean isEmpty() {
        return effective().changes.isEmpty();
    }

    /** What --dry-run shows: one preview per change that writes. */
    public List<Preview> dryRun() {
        return effective().changes.stream().map(Change::dryRun).toList();
    }

    /** The ExternalName Service as kubectl would show it (what svcalias sends, minus server fields). */
    public static Map<String, Object> manifest(AliasService s) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", s.name());
        meta.put("namespace", s.namespace());
        meta.put("labels", new TreeMap<>(s.labels()));
        meta.put("annotations", new TreeMap<>(s.annotations()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "ExternalName");
        spec.put("externalName", s.externalName());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "v1");
        m.put("kind", "Service");
        m.put("metadata", meta);
        m.put("spec", spec);
        return m;
    }
}
