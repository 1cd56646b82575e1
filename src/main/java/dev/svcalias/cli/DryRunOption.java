package dev.svcalias.cli;

import picocli.CommandLine.Option;

/** --dry-run for every command that writes: print the diffs and manifests, change nothing. */
final class DryRunOption {
    @Option(names = "--dry-run", description = "Print the changes (unified diffs, ServiceEntry YAML) without writing.")
    boolean dryRun;
}
