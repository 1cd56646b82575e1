package dev.svcalias.app;

import java.time.Duration;

/** How many writes are in flight, for a signal to wait on until none is, or until its limit. */
public final class InFlight {
    private int count;

    public synchronized void begin() {
        count++;
    }

    public synchronized void end() {
        count--;
        notifyAll();
    }

    /** Waits up to {@code limit} until nothing is in flight; how many still are. */
    public synchronized int awaitNone(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (count > 0 && System.nanoTime() < end) {
            try {
                wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return count;
    }
}
