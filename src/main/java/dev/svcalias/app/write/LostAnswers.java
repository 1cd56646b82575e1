package dev.svcalias.app.write;

import dev.svcalias.cluster.ApiUnreachableException;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one rule for a write whose answer was lost. A connection reset or a timeout after the request went out says
 * nothing about the write (the API server may have stored it), so the object is read again: what svcalias wrote is
 * there = done, and the write's result is what was read; as before = not done, and the original error stands;
 * anything else = exit 5 naming what the object now holds. The per-kind read-backs are the {@code LostAnswer*}
 * decorators of {@link LostAnswerCluster}, the write seam every cluster write of svcalias goes through.
 */
final class LostAnswers {
    private LostAnswers() {}

    /** What a re-read after a lost answer found: the write's result, "as before", or what else is there. */
    record Found<T>(T landed, boolean asBefore, String other) {
        static <T> Found<T> landed(T value) {
            return new Found<>(value, false, null);
        }

        static <T> Found<T> unchanged() {
            return new Found<>(null, true, null);
        }

        static <T> Found<T> other(String what) {
            return new Found<>(null, false, what);
        }

        static <T> Found<T> goneOrChanged(boolean gone) {
            return other(gone ? "is gone (deleted by someone else)"
                    : "holds something svcalias did not write (changed by someone else meanwhile)");
        }
    }

    /**
     * After a lost create ({@code expected} null) or replace conditional on {@code expected}: what svcalias wrote
     * is there = landed; absent for a create, or still at {@code expected} = as before; else gone or changed.
     */
    static <T> Found<T> afterPut(Optional<T> now, Predicate<T> written, Function<T, String> version,
                                 String expected) {
        if (now.isPresent() && written.test(now.get())) {
            return Found.landed(now.get());
        }
        if (expected == null ? now.isEmpty() : now.isPresent() && expected.equals(version.apply(now.get()))) {
            return Found.unchanged();
        }
        return Found.goneOrChanged(now.isEmpty());
    }

    /** After a lost delete conditional on {@code expected} (null: unconditional): gone = landed. */
    static <T> Found<Boolean> afterDelete(Optional<T> now, Function<T, String> version, String expected) {
        if (now.isEmpty()) {
            return Found.landed(Boolean.TRUE);
        }
        return expected == null || Objects.equals(version.apply(now.get()), expected) ? Found.unchanged()
                : Found.other("was changed by someone else meanwhile and is still there");
    }

    /** Runs {@code write}; after a lost answer, decides by {@code reread} (never by guessing). */
    static <T> T write(String target, Supplier<T> write, Supplier<Found<T>> reread) {
        try {
            return write.get();
        } catch (ApiUnreachableException lost) {
            Found<T> found;
            try {
                found = reread.get();
            } catch (RuntimeException again) {
                throw new ApiUnreachableException(lost.getMessage() + "; whether the write of " + target
                        + " landed is unknown (reading it back failed too)", "check " + target + " with kubectl,"
                        + " then run the command again", lost);
            }
            if (found.landed() != null) {
                return found.landed();
            }
            if (found.asBefore()) {
                throw lost;
            }
            throw new SvcaliasException(ExitCode.CLUSTER_STATE, "the answer to the write of " + target + " was "
                    + "lost (" + lost.getMessage() + "), and " + target + " now " + found.other(), "check " + target
                    + " with kubectl, then run the command again", lost);
        }
    }

    /** For writes that return nothing. */
    static void run(String target, Runnable write, Supplier<Found<Boolean>> reread) {
        write(target, () -> {
            write.run();
            return Boolean.TRUE;
        }, reread);
    }
}
