package dev.svcalias.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The annotation rules of {@link ConfigMapKeys} writes, shared by the fabric8 and the REST implementation. */
final class ConfigMapKeysRules {
    private ConfigMapKeysRules() {}

    static void annotate(Map<String, String> notes, Map<String, Optional<String>> changes) {
        changes.forEach((k, v) -> {
            if (!k.startsWith(ConfigMapKeys.PREFIX)) {
                throw new IllegalArgumentException("svcalias only writes its own annotations, not " + k);
            }
            v.ifPresentOrElse(s -> notes.put(k, s), () -> notes.remove(k));
        });
    }

    /** No annotation but svcalias's own (and the ones the API server or kubectl add) is left on it. */
    static boolean onlySvcalias(Map<String, String> notes) {
        return notes.keySet().stream().allMatch(k -> k.startsWith(ConfigMapKeys.PREFIX)
                || k.equals("kubectl.kubernetes.io/last-applied-configuration"));
    }

    /** The svcalias.dev/ annotations a snapshot reports (not the created marker). */
    static Map<String, String> ours(Map<String, String> all) {
        Map<String, String> ours = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(ConfigMapKeys.PREFIX) && !k.equals(ConfigMapKeys.CREATED_ANNOTATION)) {
                ours.put(k, v);
            }
        });
        return ours;
    }
}
