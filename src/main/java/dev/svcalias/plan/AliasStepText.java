package dev.svcalias.plan;

import dev.svcalias.output.UnifiedDiff;
import dev.svcalias.output.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unified diffs of alias steps, as {@code kubectl diff} shows them: each object a step writes, as read against as
 * it would be written, whatever the mode (ServiceEntries, ExternalName Services). Only svcalias's own labels and
 * annotations are shown on both sides, so the diff shows what apply would change and nothing else.
 */
public final class AliasStepText {
    private AliasStepText() {}

    public static String diffs(List<AliasStep> steps, boolean creates) {
        StringBuilder sb = new StringBuilder();
        for (AliasStep s : steps) {
            if (!s.writes() || (s.action() == AliasStep.Action.CREATE && !creates)) {
                continue;
            }
            for (Change c : s.plan().changes()) {
                sb.append(diff(c));
            }
        }
        return sb.toString();
    }

    private static String diff(Change c) {
        Map<String, Object> before;
        Map<String, Object> after;
        if (c instanceof ServiceEntryPut put) {
            before = put.previous() == null ? null : put.previous().manifest();
            after = put.manifest();
        } else if (c instanceof ServiceEntryDelete del) {
            before = del.entry().manifest();
            after = null;
        } else if (c instanceof AliasServicePut put) {
            before = put.previous() == null ? null : Plan.manifest(put.previous());
            after = Plan.manifest(put.service());
        } else if (c instanceof AliasServiceDelete del) {
            before = Plan.manifest(del.service());
            after = null;
        } else { // a kind without an object view: name it and what happens to it
            return "# " + c.summary() + ": " + c.target() + "\n";
        }
        String label = c.target().replace(' ', '/');
        return UnifiedDiff.diff(before == null ? "" : Yaml.write(view(before)),
                after == null ? "" : Yaml.write(view(after)), before == null ? "/dev/null" : "a/" + label,
                after == null ? "/dev/null" : "b/" + label);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(Map<String, Object> manifest) {
        Map<String, Object> meta = (Map<String, Object>) manifest.getOrDefault("metadata", Map.of());
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("name", meta.get("name"));
        shown.put("namespace", meta.get("namespace"));
        shown.put("labels", owned(meta.get("labels")));
        shown.put("annotations", owned(meta.get("annotations")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", manifest.get("kind"));
        m.put("metadata", Manifests.normalise(shown));
        m.put("spec", Manifests.normalise(manifest.get("spec")));
        return m;
    }

    /** svcalias's keys only: app.kubernetes.io/managed-by and svcalias.dev/*. */
    private static Map<String, Object> owned(Object all) {
        Map<String, Object> kept = new java.util.TreeMap<>();
        if (all instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (key.equals("app.kubernetes.io/managed-by") || key.startsWith("svcalias.dev/")) {
                    kept.put(key, v);
                }
            });
        }
        return kept;
    }
}
