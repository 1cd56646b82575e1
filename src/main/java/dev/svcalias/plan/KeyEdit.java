package dev.svcalias.plan;

import java.util.Map;
import java.util.Optional;

/** The new state of one ConfigMap key (empty: remove it) and of svcalias's annotations (empty: remove one). */
public record KeyEdit(Optional<String> value, Map<String, Optional<String>> annotations) {
    public KeyEdit {
        annotations = Map.copyOf(annotations);
    }
}
