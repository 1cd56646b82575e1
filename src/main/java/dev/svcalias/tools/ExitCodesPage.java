package dev.svcalias.tools;

import dev.svcalias.error.ExitCode;

/** docs/exit-codes.md: the table from {@link ExitCode}, the one list the CLI, its --help and the tests share. */
final class ExitCodesPage {
    private ExitCodesPage() {}

    static String markdown() {
        StringBuilder page = new StringBuilder("""
                # Exit codes

                <!-- Generated from dev.svcalias.error.ExitCode by dev.svcalias.tools.GeneratedFiles; do not edit. \
                Refresh: %s -->

                Every svcalias command ends with one of these codes, so scripts and CI jobs can tell what went wrong
                without parsing messages. `svcalias --help` lists them too.

                | code | name | meaning |
                |---:|---|---|
                """.formatted(GeneratedFiles.REFRESH_COMMAND));
        for (ExitCode code : ExitCode.values()) {
            page.append("| ").append(code.code()).append(" | `").append(code.name()).append("` | ")
                    .append(code.meaning()).append(" |\n");
        }
        return page.append("""

                A failure prints one line on stderr, `error: what is wrong; fix: what to do`; `-v`/`--verbose` adds the
                stack trace. A usage error (unknown flag, missing argument) also points at the command's `--help`.

                Interrupted by a signal, svcalias exits as the shell reports a signal: 130 after SIGINT (Ctrl-C), 143
                after SIGTERM (a CI runner's cancel, a pod's termination). Before it ends, `apply` starts no further
                alias, lets those in flight finish (each alias's writes are all or nothing) and names on stderr what
                was written (`error: interrupted: N of M alias changes were written (...)`); `init`, `alias add`,
                `alias remove` and `reset` start no write after the signal, let the plan being written finish (up to
                10 s; its writes are all or nothing) and name what it wrote (`error: interrupted after the write in
                flight finished: ...`); `verify` deletes its probe pod.

                In scripts:

                ```sh
                svcalias verify --wait --timeout 3m       # 0: every alias resolves as expected, 3: some do not
                svcalias corefile check --file Corefile   # 0: the Corefile parses, 2: it does not (line and column on stderr)
                ```

                See also the [command reference](reference/README.md).
                """).toString();
    }
}
