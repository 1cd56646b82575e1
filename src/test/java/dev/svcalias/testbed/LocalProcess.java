package dev.svcalias.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server process of the testbed: output to a log file, killed (with its children) on close or JVM exit. */
final class LocalProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    LocalProcess(String name, List<String> command, Path log) {
        this(name, new ProcessBuilder(command), log);
    }

    /** A process with the environment and working directory {@code builder} sets. */
    LocalProcess(String name, ProcessBuilder builder, Path log) {
        this.name = name;
        this.log = log;
        try {
            this.process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + builder.command(), e);
        }
        this.reaper = new Thread(this::kill, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    boolean alive() {
        return process.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    /** SIGTERM, then SIGKILL after a second (CoreDNS's health lameduck would otherwise hold it for 5s). */
    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }
}
