package dev.svcalias.plan;

import dev.svcalias.cluster.CorefileSnapshot;
import java.util.function.UnaryOperator;

/**
 * A Corefile edit. {@code edit} is kept, not just its result, so that after a 409 the edit can be re-applied to
 * the fresh text instead of overwriting someone else's change.
 */
public record CorefileChange(CorefileSnapshot before, String after, UnaryOperator<String> edit, String summary,
                             boolean dropBackup) implements Change {
    /**
     * The API server refuses a ConfigMap whose annotations exceed 256 KiB in total, and the first edit keeps the
     * original Corefile in one: leave 4 KiB for the key and the object's other annotations.
     */
    public static final int MAX_BACKED_UP_BYTES = 256 * 1024 - 4 * 1024;

    /** The first edit of a Corefile too large to back up is refused up front (exit 5), before any write. */
    public CorefileChange {
        int size = before.corefile().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (!dropBackup && before.backup().isEmpty() && !before.corefile().equals(after)
                && size > MAX_BACKED_UP_BYTES) {
            throw dev.svcalias.error.SvcaliasException.state(before.ref() + " holds a Corefile of " + size / 1024
                    + " KiB; svcalias keeps the original in an annotation before its first edit (for reset), and "
                    + "annotations may hold 256 KiB in all, so it would be refused", "shrink the Corefile below "
                    + MAX_BACKED_UP_BYTES / 1024 + " KiB (e.g. move hosts entries to a hosts file), or add the zone "
                    + "by hand ('svcalias corefile stub-domain' prints the block)");
        }
    }

    @Override
    public String target() {
        return before.ref().toString();
    }

    @Override
    public boolean writes() {
        return !before.corefile().equals(after) || dropBackup;
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
