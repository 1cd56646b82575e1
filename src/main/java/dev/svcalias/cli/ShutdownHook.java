package dev.svcalias.cli;

/**
 * A report that runs when SIGTERM or SIGINT shuts the JVM down while a command holds it; closing it (the command
 * ended) takes it back. Once the JVM is shutting down it cannot be taken back: it runs, or ran.
 */
final class ShutdownHook implements AutoCloseable {
    private final Thread hook;

    ShutdownHook(String name, Runnable report) {
        this.hook = new Thread(report, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran): it reports
        }
    }
}
