package dev.svcalias.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The process's plan writes as a signal sees them. Once {@link #close}d (SIGTERM, SIGINT), no plan starts; a plan
 * already writing finishes, because its writes are all or nothing, and what was written is known. One per process,
 * as signals are: every {@code PlanApplier} enters it. apply also stops per alias ({@code ApplyProgress}); init,
 * alias add, alias remove and reset, which write one plan, rely on this alone.
 */
public final class WriteGate {
    private static final WriteGate PROCESS = new WriteGate();
    private final List<String> written = new ArrayList<>();
    private final InFlight inFlight = new InFlight();
    private boolean closed;
    private boolean refused;

    /** A gate of its own (tests); commands and plans use {@link #process()}. */
    public WriteGate() {}

    /** The gate every plan of this process passes. */
    public static WriteGate process() {
        return PROCESS;
    }

    /** Whether a plan may start writing: false once closed. */
    public synchronized boolean enter() {
        if (closed) {
            refused = true;
            return false;
        }
        inFlight.begin();
        return true;
    }

    /** A plan ended; {@code changed} names what it left written ("service ns/name (created)"). */
    public void exit(List<String> changed) {
        synchronized (this) {
            written.addAll(changed);
        }
        inFlight.end();
    }

    /** Lets no further plan start, waits up to {@code limit} for those writing; what was written by then. */
    public Closed close(Duration limit) {
        synchronized (this) {
            closed = true;
        }
        int still = inFlight.awaitNone(limit);
        synchronized (this) {
            return new Closed(List.copyOf(written), still, refused);
        }
    }

    /**
     * What a signal found: the writes made, how many plans were still writing when the wait ran out, and whether a
     * plan was refused because the gate was closed before it began.
     */
    public record Closed(List<String> written, int stillInFlight, boolean refused) {
        /** Nothing was written, nothing was writing, nothing was refused: a command that only reads. */
        public boolean untouched() {
            return written.isEmpty() && stillInFlight == 0 && !refused;
        }
    }
}
