package dev.svcalias.cli;

import dev.svcalias.app.usecase.AliasRemoveUseCase;
import dev.svcalias.app.usecase.AliasResult;
import dev.svcalias.cli.render.AliasResultRenderer;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.naming.DomainRules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "remove", aliases = {"rm", "delete"}, mixinStandardHelpOptions = true,
        description = "Remove an alias (the ServiceEntry svcalias created for NAME.ZONE).")
final class AliasRemoveCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The alias, e.g. my-fruits.")
    String name;

    @Option(names = "--domain", paramLabel = "ZONE", description = "The zone (default: the one svcalias init set up).")
    String domain;

    @Option(names = "--ignore-not-found", description = "Succeed when the alias does not exist.")
    boolean ignoreNotFound;

    @Mixin DryRunOption dryRun;
    @Mixin LayoutOptions layout;

    AliasRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var where = layout.layout();
        DomainRules.validateAliasName(name);
        String zone = domain == null ? null : DomainRules.validateZone(domain);
        try (WriteInterruption signals = new WriteInterruption(context, "alias remove"); Cluster c = context.connect()) {
            AliasResult result = new AliasRemoveUseCase(c).run(name, zone, ignoreNotFound, dryRun.dryRun, where);
            Results.print(context, new AliasResultRenderer(result), dryRun.dryRun ? result.plan() : null);
        }
        return 0;
    }
}
