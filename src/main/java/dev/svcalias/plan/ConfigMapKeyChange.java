package dev.svcalias.plan;

import dev.svcalias.cluster.KeySnapshot;
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

    @Override
    public boolean writes() {
        return edit.differsFrom(before.value(), before.annotations());
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
