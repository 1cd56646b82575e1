package dev.svcalias.app.usecase;

import dev.svcalias.app.InFlight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An apply's writes as they happen, for an interruption (SIGTERM, SIGINT) to stop and report: once {@link #stop}ped,
 * no further alias starts, the ones in flight finish (each alias's writes are all or nothing), and what was
 * written is known.
 */
public final class ApplyProgress {
    private final List<AliasOutcome> written = new ArrayList<>();
    private final InFlight inFlight = new InFlight();
    private int planned;
    private boolean stopped;

    /** Progress nobody stops (diff, verify -f, tests). */
    public static ApplyProgress untracked() {
        return new ApplyProgress();
    }

    /** Progress that an interruption may {@link #stop}. */
    public static ApplyProgress stoppable() {
        return new ApplyProgress();
    }

    synchronized void planned(int aliasesToWrite) {
        this.planned = aliasesToWrite;
    }

    /** Whether the alias may start: false once stopped. */
    synchronized boolean begin() {
        if (stopped) {
            return false;
        }
        inFlight.begin();
        return true;
    }

    void end(AliasOutcome outcome) {
        synchronized (this) {
            if (outcome.ok()) {
                written.add(outcome);
            }
        }
        inFlight.end();
    }

    /** Stops new aliases from starting, waits up to {@code limit} for those in flight; what was written so far. */
    public Stopped stop(Duration limit) {
        synchronized (this) {
            stopped = true;
        }
        int still = inFlight.awaitNone(limit);
        synchronized (this) {
            return new Stopped(List.copyOf(written), planned, still);
        }
    }

    /** What an interruption found: the aliases written, of how many to write, and how many were still in flight. */
    public record Stopped(List<AliasOutcome> written, int planned, int stillInFlight) {}
}
