package dev.svcalias.cli;

import dev.svcalias.output.Format;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** -o table|json|yaml: on the top command and inherited; the offline corefile commands print Corefiles only. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;
}
