package dev.svcalias.cli;

import dev.svcalias.output.Format;
import picocli.CommandLine.Option;

/** -o table|json|yaml, mixed into every command that prints a result. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;
}
