package dev.svcalias.plan;

import java.util.Map;
import java.util.Optional;

/** The new state of one ConfigMap key (empty: remove it) and of svcalias's annotations (empty: remove one). */
public record KeyEdit(Optional<String> value, Map<String, Optional<String>> annotations) {
    public KeyEdit {
        annotations = Map.copyOf(annotations);
    }

    /** Whether this edit changes a key that reads {@code value} and carries {@code current} annotations. */
    public boolean differsFrom(Optional<String> value, Map<String, String> current) {
        if (!value.equals(this.value)) {
            return true;
        }
        for (Map.Entry<String, Optional<String>> e : annotations.entrySet()) {
            if (!Optional.ofNullable(current.get(e.getKey())).equals(e.getValue())) {
                return true;
            }
        }
        return false;
    }
}
