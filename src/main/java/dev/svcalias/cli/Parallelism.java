package dev.svcalias.cli;

import dev.svcalias.error.SvcaliasException;

/** --parallel must be a sensible bound. */
final class Parallelism {
    private Parallelism() {}

    static void check(int n) {
        if (n < 1 || n > 256) {
            throw SvcaliasException.usage("--parallel " + n + " is out of range", "use 1 to 256");
        }
    }
}
