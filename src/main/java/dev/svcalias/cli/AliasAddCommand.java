package dev.svcalias.cli;

import dev.svcalias.app.usecase.AliasAddUseCase;
import dev.svcalias.app.usecase.AliasRequest;
import dev.svcalias.app.usecase.AliasResult;
import dev.svcalias.app.usecase.Waited;
import dev.svcalias.cli.render.AliasResultRenderer;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.output.Spinner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Make NAME.ZONE resolve to TARGET's ClusterIP (an Istio ServiceEntry in TARGET's namespace).",
                "TARGET is SERVICE.NAMESPACE, SERVICE.NAMESPACE.svc.CLUSTER_DOMAIN, or SERVICE with -n."})
final class AliasAddCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The alias, e.g. my-fruits (becomes my-fruits.ZONE).")
    String name;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The Service, e.g. fruits-api-service.micro-shake-factory.")
    String target;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "TARGET's namespace.")
    String namespace;

    @Option(names = "--domain", paramLabel = "ZONE", description = "The zone (default: the one svcalias init set up).")
    String domain;

    @Option(names = "--force", description = "Re-point an alias that already points at another Service.")
    boolean force;

    @Mixin DryRunOption dryRun;
    @Mixin LayoutOptions layout;
    @Mixin WaitOptions waiting;

    AliasAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var where = layout.layout();
        DomainRules.validateAliasName(name);
        TargetRef.checkSyntax(target, namespace);
        String zone = domain == null ? null : DomainRules.validateZone(domain);
        waiting.validate(dryRun.dryRun);
        AliasRequest request = new AliasRequest(name, target, namespace, zone, force, dryRun.dryRun, where);
        try (WriteInterruption signals = new WriteInterruption(context, "alias add"); Cluster c = context.connect()) {
            if (!waiting.wait) {
                AliasResult result = new AliasAddUseCase(c).run(request);
                Results.print(context, new AliasResultRenderer(result), dryRun.dryRun ? result.plan() : null);
                return 0;
            }
            Waited<AliasResult> waited;
            try (Spinner spinner = waiting.spinner(context)) {
                waited = new AliasAddUseCase(c).run(request, waiting.effectWait(context, c, where, spinner));
            }
            Results.print(context, new AliasResultRenderer(waited.result()), null);
            waited.failure().ifPresent(e -> {
                throw e;
            });
            return 0;
        }
    }
}
