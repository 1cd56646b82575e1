package dev.svcalias.app.usecase;

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
    private int planned;
    private int inFlight;
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
        inFlight++;
        return true;
    }

    synchronized void end(AliasOutcome outcome) {
        if (outcome.ok()) {
            written.add(outcome);
        }
        inFlight--;
        notifyAll();
    }

    /** Stops new aliases from starting, waits up to {@code limit} for those in flight; what was written so far. */
    public synchronized Stopped stop(Duration limit) {
        stopped = true;
        long end = System.nanoTime() + limit.toNanos();
        while (inFlight > 0 && System.nanoTime() < end) {
            try {
                wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Stopped(List.copyOf(written), planned, inFlight);
    }

    /** What an interruption found: the aliases written, of how many to write, and how many were still in flight. */
    public record Stopped(List<AliasOutcome> written, int planned, int stillInFlight) {}
}
