package dev.svcalias.cli;

import picocli.CommandLine.Option;

/** kubectl's connection flags, mixed into every command that talks to a cluster. */
final class ClusterOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use.")
    String context;
}
