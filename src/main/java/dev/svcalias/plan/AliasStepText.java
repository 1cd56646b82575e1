package dev.svcalias.plan;

import dev.svcalias.output.UnifiedDiff;
import dev.svcalias.output.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unified diffs of alias steps, as {@code kubectl diff} shows them: the ServiceEntry as read against the one the
 * file asks for. Only svcalias's own labels and annotations are shown on both sides, so the diff shows what apply
 * would change and nothing else.
 */
public final class AliasStepText {
    private static final List<String> OWNED = List.of("app.kubernetes.io/managed-by", "svcalias.dev/alias",
            "svcalias.dev/domain", "svcalias.dev/target");

    private AliasStepText() {}

    public static String diffs(List<AliasStep> steps, boolean creates) {
        StringBuilder sb = new StringBuilder();
        for (AliasStep s : steps) {
            if (!s.writes() || (s.action() == AliasStep.Action.CREATE && !creates)) {
                continue;
            }
            String before = s.before() == null ? "" : Yaml.write(beforeView(s));
            String after = s.manifest() == null ? "" : Yaml.write(afterView(s.manifest()));
            String label = "serviceentry/" + s.host();
            sb.append(UnifiedDiff.diff(before, after, s.before() == null ? "/dev/null" : "a/" + label,
                    s.manifest() == null ? "/dev/null" : "b/" + label));
        }
        return sb.toString();
    }

    private static Map<String, Object> beforeView(AliasStep s) {
        var r = s.before().record();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", r.name());
        meta.put("namespace", r.namespace());
        meta.put("labels", owned(r.labels()));
        meta.put("annotations", owned(r.annotations()));
        return view(meta, s.before().spec());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> afterView(Map<String, Object> manifest) {
        return view((Map<String, Object>) manifest.get("metadata"), (Map<String, Object>) manifest.get("spec"));
    }

    private static Map<String, Object> view(Map<String, Object> meta, Map<String, Object> spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "ServiceEntry");
        m.put("metadata", Manifests.normalise(meta));
        m.put("spec", Manifests.normalise(spec));
        return m;
    }

    private static Map<String, Object> owned(Map<String, String> all) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String k : OWNED) {
            if (all.containsKey(k)) {
                kept.put(k, all.get(k));
            }
        }
        return kept;
    }
}
