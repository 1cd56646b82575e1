package dev.svcalias.cli;

import dev.svcalias.app.usecase.ResetRequest;
import dev.svcalias.app.usecase.ResetResult;
import dev.svcalias.app.usecase.ResetUseCase;
import dev.svcalias.cli.render.ResetResultRenderer;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.naming.DomainRules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Remove svcalias's Corefile edits, restoring both Corefiles byte for byte.",
                "--aliases also deletes the ServiceEntries svcalias created."})
final class ResetCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--domain", paramLabel = "ZONE", description = "Only this zone (default: every svcalias zone).")
    String domain;

    @Option(names = "--aliases", description = "Also delete the aliases (ServiceEntries) svcalias created.")
    boolean aliases;

    @Option(names = "--restore-backup",
            description = "Write back the Corefiles saved before svcalias's first edit, verbatim, discarding later changes.")
    boolean restoreBackup;

    @Mixin DryRunOption dryRun;
    @Mixin LayoutOptions layout;

    ResetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var where = layout.layout();
        // normalised (no trailing dot) so that 'internal.' finds the zone 'internal'
        String zone = domain == null ? null : DomainRules.zoneToRemove(domain);
        try (WriteInterruption signals = new WriteInterruption(context, "reset"); Cluster c = context.connect()) {
            ResetResult result = new ResetUseCase(c).run(new ResetRequest(zone, aliases, restoreBackup,
                    dryRun.dryRun, where));
            result.notes().forEach(context::warn);
            Results.print(context, new ResetResultRenderer(result), dryRun.dryRun ? result.plan() : null);
        }
        return 0;
    }
}
