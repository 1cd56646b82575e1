package dev.svcalias.error;

/** The documented exit codes; the one table the CLI, the docs and the tests share. */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "internal error (a bug: rerun with --verbose and report it)"),
    USAGE(2, "usage error or invalid input"),
    VERIFY_FAILED(3, "verify (or init/alias add --wait) found aliases that do not resolve as expected"),
    CLUSTER_ACCESS(4, "cluster unreachable, unauthenticated or forbidden"),
    CLUSTER_STATE(5, "cluster state prevents the change (missing component, conflict, conflicts after retries)"),
    OUTPUT_FAILED(6, "could not write the output (disk full, file-size limit, closed pipe)"),
    INCOMPLETE(7, "apply/diff/verify -f: some aliases or clusters failed, the others went through"),
    REVERTIBLE(8, "changed, but a manager may revert it (EKS add-on, Helm): see the warning");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
