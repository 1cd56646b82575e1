package dev.svcalias.plan;

import dev.svcalias.cluster.HelmValuesSnapshot;
import java.util.function.Function;

/**
 * A change of a HelmChartConfig's {@code spec.valuesContent} (RKE2's rke2-coredns chart values) and of svcalias's
 * annotations on it. {@code recompute} derives the edit from a fresh read, so a 409 re-applies the edit.
 */
public record ChartValuesChange(HelmValuesSnapshot before, KeyEdit edit, Function<HelmValuesSnapshot, KeyEdit> recompute,
                                String summary) implements Change {
    @Override
    public String target() {
        return before.ref();
    }

    @Override
    public boolean writes() {
        return edit.differsFrom(before.valuesContent(), before.annotations());
    }

    @Override
    public Phase phase() {
        return Phase.SWITCH;
    }

    @Override
    public Preview dryRun() {
        String label = before.namespace() + "/" + before.name() + " (valuesContent)";
        return new Preview.TextDiff(before.exists() ? "" : "create " + target(), label,
                before.valuesContent().orElse(""), edit.value().orElse(""));
    }

    @Override
    public Preview objectDiff() {
        return new Preview.Note(summary() + ": " + target());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chartValues(this);
    }
}
