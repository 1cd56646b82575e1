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
}
