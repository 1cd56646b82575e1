package dev.svcalias.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code diff} shows of alias steps, as {@code kubectl diff} shows them: each object a step writes, as read
 * against as it would be written, whatever the mode (ServiceEntries, ExternalName Services, VirtualServices). Only
 * svcalias's own labels and annotations are shown on both sides, so the diff shows what apply would change and
 * nothing else.
 */
public final class AliasStepDiffs {
    private AliasStepDiffs() {}

    /** The previews of every step that writes ({@code creates}: also the steps that would create an alias). */
    public static List<Preview> previews(List<AliasStep> steps, boolean creates) {
        List<Preview> previews = new ArrayList<>();
        for (AliasStep s : steps) {
            if (!s.writes() || (s.action() == AliasStep.Action.CREATE && !creates)) {
                continue;
            }
            for (Change c : s.plan().changes()) {
                previews.add(c.objectDiff());
            }
        }
        return previews;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> view(Map<String, Object> manifest) {
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
