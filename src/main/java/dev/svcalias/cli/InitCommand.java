package dev.svcalias.cli;

import dev.svcalias.app.mode.ModeName;
import dev.svcalias.app.usecase.InitRequest;
import dev.svcalias.app.usecase.InitResult;
import dev.svcalias.app.usecase.InitUseCase;
import dev.svcalias.app.usecase.Waited;
import dev.svcalias.cli.render.InitResultRenderer;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.output.Spinner;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Set up a DNS zone for aliases, in the mode the cluster needs.",
                "istiocoredns (Istio 1.1-1.8): a block in kube-dns's Corefile forwarding the zone to istiocoredns, "
                        + "and one in istiocoredns's Corefile routing it to the Istio plugin. coredns: one static "
                        + "block in kube-dns's Corefile answering the zone from ExternalName Services in namespace "
                        + "svcalias-aliases. istio (Istio 1.9+): coredns, meshed pods included, plus a ServiceEntry "
                        + "and a VirtualService per alias that route it to the target in the mesh. auto picks istiocoredns if it exists, else istio if istiod "
                        + "exists, else coredns. Run again after an Istio upgrade to move the zone and its aliases "
                        + "to the new mode. Safe to run again; --dry-run shows the diffs."})
final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--domain", required = true, paramLabel = "ZONE", description = "The zone for aliases, e.g. internal.")
    String domain;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto",
            description = "auto, istiocoredns, coredns or istio (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--coredns-version", paramLabel = "VERSION",
            description = "istiocoredns's CoreDNS version (default: read from its Deployment's image tag).")
    String corednsVersion;

    @Option(names = "--force", description = "Accept a zone that shadows the cloud provider's own names.")
    boolean force;

    @Option(names = "--restart", description = "Rollout-restart CoreDNS Deployments whose Corefile has no reload plugin.")
    boolean restart;

    @Mixin DryRunOption dryRun;
    @Mixin LayoutOptions layout;
    @Mixin WaitOptions waiting;

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModeName chosen = ModeName.parse(mode); // bad input fails before any API call
        var where = layout.layout();
        String zone = DomainRules.validateZone(domain);
        if (corednsVersion != null) {
            OfflineArguments.version(corednsVersion);
        }
        waiting.validate(dryRun.dryRun);
        InitRequest request = new InitRequest(zone, corednsVersion, force, restart, dryRun.dryRun, where, chosen);
        try (WriteInterruption signals = new WriteInterruption(context, "init"); Cluster c = context.connect()) {
            Waited<InitResult> waited;
            if (waiting.wait) {
                try (Spinner spinner = waiting.spinner(context)) {
                    waited = new InitUseCase(c).run(request, waiting.effectWait(context, c, where, spinner));
                }
            } else {
                waited = new Waited<>(new InitUseCase(c).run(request), Optional.empty());
            }
            InitResult result = waited.result();
            result.warnings().forEach(context::warn);
            Results.print(context, new InitResultRenderer(result), dryRun.dryRun ? result.plan() : null);
            waited.failure().ifPresent(e -> {
                throw e;
            });
            return result.revertible() ? dev.svcalias.error.ExitCode.REVERTIBLE.code() : 0;
        }
    }
}
