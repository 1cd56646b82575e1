package dev.svcalias.cli;

import dev.svcalias.app.WriteGate;
import java.time.Duration;

/**
 * While init, alias add, alias remove or reset runs: when SIGTERM or SIGINT shuts the JVM down, no plan starts, the
 * plan being written finishes (up to {@link #IN_FLIGHT}; its writes are all or nothing), and stderr says what was
 * written. A command interrupted before it wrote, or while it only read, says so or nothing. The JVM then exits as
 * the signal says: 143 after SIGTERM, 130 after SIGINT (docs/exit-codes.md). apply reports per alias instead
 * ({@link ApplyInterruption}).
 */
final class WriteInterruption implements AutoCloseable {
    static final Duration IN_FLIGHT = ApplyInterruption.IN_FLIGHT;
    private final CliContext context;
    private final String command;
    private final ShutdownHook hook;

    /** @param command the command as typed after "svcalias" ("alias add") */
    WriteInterruption(CliContext context, String command) {
        this.context = context;
        this.command = command;
        this.hook = new ShutdownHook("write-interrupted", this::report);
    }

    private void report() {
        WriteGate.Closed closed = WriteGate.process().close(IN_FLIGHT);
        if (closed.untouched()) {
            return;
        }
        String written = String.join(", ", closed.written());
        String line;
        if (closed.stillInFlight() > 0) {
            line = "interrupted while writing, still in flight after " + IN_FLIGHT.toSeconds() + "s"
                    + (written.isEmpty() ? "" : " (written: " + written + ")") + "; fix: check with 'svcalias status', "
                    + "then run the same svcalias " + command + " again: it plans from what is in the cluster now";
        } else if (written.isEmpty()) {
            line = "interrupted before writing: nothing was written; fix: run the same svcalias " + command + " again";
        } else {
            line = "interrupted after the write in flight finished: " + written + "; fix: nothing is half written; "
                    + "check the result with 'svcalias status'";
        }
        context.err.println(context.errStyle().failure("error: ") + line);
        context.err.flush();
    }

    @Override
    public void close() {
        hook.close();
    }
}
