package dev.svcalias.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** kubectl's connection flags: on the top command and inherited, so they go before or after the subcommand. */
final class ClusterOptions {
    @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME", description = "The kubeconfig context to use.")
    String context;
}
