package dev.svcalias.cli;

import dev.svcalias.app.usecase.ApplyProgress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * While apply writes: when SIGTERM or SIGINT shuts the JVM down, no further alias starts, the aliases in flight
 * finish (up to {@link #IN_FLIGHT}; each alias's writes are all or nothing), and stderr says what was written, per
 * cluster. The JVM then exits as the signal says: 143 after SIGTERM, 130 after SIGINT (docs/exit-codes.md).
 */
final class ApplyInterruption implements AutoCloseable {
    static final Duration IN_FLIGHT = Duration.ofSeconds(10);
    private final CliContext context;
    private final Map<String, ApplyProgress> clusters = new LinkedHashMap<>();
    private final ShutdownHook hook;

    ApplyInterruption(CliContext context) {
        this.context = context;
        this.hook = new ShutdownHook("apply-interrupted", this::report);
    }

    /** The progress of one cluster's writes ({@code name} null for the one cluster of a plain run). */
    synchronized ApplyProgress progress(String name) {
        return clusters.computeIfAbsent(name == null ? "" : "context " + name, k -> ApplyProgress.stoppable());
    }

    private void report() {
        Map<String, ApplyProgress> now;
        synchronized (this) {
            now = new LinkedHashMap<>(clusters);
        }
        now.forEach((where, progress) -> {
            ApplyProgress.Stopped stopped = progress.stop(IN_FLIGHT);
            String written = stopped.written().stream().map(o -> o.step().host() + " " + o.result())
                    .collect(Collectors.joining("; "));
            context.err.println(context.errStyle().failure("error: ") + "interrupted" + (where.isEmpty() ? "" : " (" + where
                    + ")") + ": " + stopped.written().size() + " of " + stopped.planned() + " alias changes were written"
                    + (written.isEmpty() ? "" : " (" + written + ")")
                    + (stopped.stillInFlight() == 0 ? "" : ", " + stopped.stillInFlight() + " still in flight")
                    + "; fix: run the same svcalias apply again: it plans from what is in the cluster now");
        });
        context.err.flush();
    }

    @Override
    public void close() {
        hook.close();
    }
}
