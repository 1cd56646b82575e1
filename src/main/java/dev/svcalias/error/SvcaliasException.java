package dev.svcalias.error;

/**
 * A failure the user can act on: a one-line message naming what is wrong, a hint saying how to fix it,
 * and the exit code it maps to. Everything the CLI prints for an error comes from here.
 */
public class SvcaliasException extends RuntimeException {
    private final ExitCode exitCode;
    private final String hint;

    public SvcaliasException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public SvcaliasException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** How to fix it; may be empty. */
    public String hint() {
        return hint == null ? "" : hint;
    }

    public static SvcaliasException usage(String message, String hint) {
        return new SvcaliasException(ExitCode.USAGE, message, hint);
    }

    public static SvcaliasException state(String message, String hint) {
        return new SvcaliasException(ExitCode.CLUSTER_STATE, message, hint);
    }
}
