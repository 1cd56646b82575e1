package dev.svcalias.plan;

import dev.svcalias.cluster.CorefileSnapshot;
import java.util.function.UnaryOperator;

/**
 * A Corefile edit. {@code edit} is kept, not just its result, so that after a 409 the edit can be re-applied to
 * the fresh text instead of overwriting someone else's change.
 */
public record CorefileChange(CorefileSnapshot before, String after, UnaryOperator<String> edit, String summary,
                             boolean dropBackup) implements Change {
    @Override
    public String target() {
        return before.ref().toString();
    }

    public boolean changesText() {
        return !before.corefile().equals(after) || dropBackup;
    }

    @Override
    public boolean writes() {
        return changesText();
    }

    @Override
    public Phase phase() {
        return Phase.SWITCH;
    }

    @Override
    public Preview dryRun() {
        String label = before.ref().namespace() + "/" + before.ref().name() + " (" + before.ref().key() + ")";
        return new Preview.TextDiff("", label, before.corefile(), after);
    }

    @Override
    public Preview objectDiff() {
        return new Preview.Note(summary() + ": " + target());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.corefile(this);
    }
}
