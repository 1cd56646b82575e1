package dev.svcalias.app.usecase;

import dev.svcalias.error.ExitCode;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import java.util.List;

/** Every alias's step and outcome in one cluster, for apply and diff. */
public record ApplyResult(String cluster, boolean written, List<AliasOutcome> outcomes) {
    public List<AliasStep> steps() {
        return outcomes.stream().map(AliasOutcome::step).toList();
    }

    /** Steps of this action that went through (or would, in a dry run); failed ones count as failed only. */
    public long count(Action action) {
        return outcomes.stream().filter(o -> o.ok() && o.step().action() == action).count();
    }

    public long failed() {
        return outcomes.stream().filter(o -> !o.ok()).count();
    }

    public boolean changes() {
        return outcomes.stream().anyMatch(o -> o.step().writes());
    }

    /** apply: 0, or 7 when any alias failed. */
    public int applyExitCode() {
        return failed() > 0 ? ExitCode.INCOMPLETE.code() : 0;
    }

    /** diff, like kubectl diff: 0 no changes, 1 changes, 7 (above 1) when some alias cannot be applied. */
    public int diffExitCode() {
        return failed() > 0 ? ExitCode.INCOMPLETE.code() : changes() ? 1 : 0;
    }

    public String summary() {
        String verb = written ? "" : "to ";
        return count(Action.CREATE) + " " + verb + "create, " + count(Action.UPDATE) + " " + verb + "update, "
                + count(Action.DELETE) + " " + verb + "delete, " + count(Action.UNCHANGED) + " unchanged, "
                + failed() + " failed";
    }
}
