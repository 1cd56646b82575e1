package dev.svcalias.plan;

import dev.svcalias.cluster.KeySnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A change of one ConfigMap key (coredns-custom's {@code *.server}, kube-dns's {@code stubDomains}).
 * {@code recompute} derives the edit from a fresh read, so a 409 re-applies the edit instead of overwriting.
 */
public record ConfigMapKeyChange(KeySnapshot before, KeyEdit edit, Function<KeySnapshot, KeyEdit> recompute,
                                 String summary) implements Change {
    @Override
    public String target() {
        return before.ref().toString();
    }

    public boolean changesSomething() {
        if (!before.value().equals(edit.value())) {
            return true;
        }
        for (Map.Entry<String, Optional<String>> e : edit.annotations().entrySet()) {
            if (!Optional.ofNullable(before.annotations().get(e.getKey())).equals(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean writes() {
        return changesSomething();
    }

    @Override
    public Phase phase() {
        return Phase.SWITCH;
    }

    @Override
    public Preview dryRun() {
        String label = before.ref().namespace() + "/" + before.ref().name() + " (" + before.ref().key() + ")";
        return new Preview.TextDiff(before.exists() ? "" : "create configmap " + label.replaceFirst(" .*", ""), label,
                before.value().orElse(""), edit.value().orElse(""));
    }

    @Override
    public Preview objectDiff() {
        return new Preview.Note(summary() + ": " + target());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.configMapKey(this);
    }
}
