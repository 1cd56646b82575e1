package dev.svcalias.cli;

import dev.svcalias.app.InitRequest;
import dev.svcalias.app.InitResult;
import dev.svcalias.app.InitUseCase;
import dev.svcalias.cluster.Cluster;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Route a DNS zone through kube-dns and istiocoredns to Istio's ServiceEntries.",
                "Adds a server block for the zone to kube-dns's Corefile (forwarding to istiocoredns's ClusterIP, "
                        + "answering AAAA itself) and to istiocoredns's Corefile (grpc from CoreDNS 1.5.0, proxy "
                        + "before). Safe to run again; --dry-run shows the diffs."})
final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--domain", required = true, paramLabel = "ZONE", description = "The zone for aliases, e.g. internal.")
    String domain;

    @Option(names = "--coredns-version", paramLabel = "VERSION",
            description = "istiocoredns's CoreDNS version (default: read from its Deployment's image tag).")
    String corednsVersion;

    @Option(names = "--force", description = "Accept a zone that shadows the cloud provider's own names.")
    boolean force;

    @Option(names = "--restart", description = "Rollout-restart CoreDNS Deployments whose Corefile has no reload plugin.")
    boolean restart;

    @Mixin DryRunOption dryRun;
    @Mixin ClusterOptions cluster;
    @Mixin LayoutOptions layout;
    @Mixin OutputOptions output;

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Cluster c = context.connector.connect(cluster.kubeconfig, cluster.context)) {
            InitResult result = new InitUseCase(c).run(new InitRequest(domain, corednsVersion, force, restart,
                    dryRun.dryRun, layout.layout()));
            result.warnings().forEach(context::warn);
            Results.print(context, output, result, dryRun.dryRun ? result.plan() : null);
            return result.revertible() ? dev.svcalias.error.ExitCode.REVERTIBLE.code() : 0;
        }
    }
}
