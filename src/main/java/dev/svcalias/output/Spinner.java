package dev.svcalias.output;

import java.io.PrintWriter;

/**
 * A one-line progress indicator for --wait, redrawn in place on stderr. Only created for terminals; the no-op
 * instance keeps pipes and CI logs clean.
 */
public final class Spinner implements AutoCloseable {
    private static final String FRAMES = "|/-\\";
    private final PrintWriter err;
    private final Thread thread;
    private volatile String text = "";

    private Spinner(PrintWriter err) {
        this.err = err;
        this.thread = err == null ? null : new Thread(this::spin, "svcalias-spinner");
    }

    public static Spinner start(PrintWriter err, boolean terminal) {
        Spinner s = new Spinner(terminal ? err : null);
        if (s.thread != null) {
            s.thread.setDaemon(true);
            s.thread.start();
        }
        return s;
    }

    public void update(String text) {
        this.text = text;
    }

    private void spin() {
        int i = 0;
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (err) {
                err.print("\r" + FRAMES.charAt(i++ % FRAMES.length()) + " " + text + "\u001b[K");
                err.flush();
            }
            try {
                Thread.sleep(120);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
