package dev.svcalias.cli;

import dev.svcalias.aliasfile.AliasFile;
import dev.svcalias.app.usecase.ApplyRequest;
import dev.svcalias.app.usecase.ApplyResult;
import dev.svcalias.app.usecase.ApplyUseCase;
import dev.svcalias.cli.render.ApplyResultRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make the cluster's aliases match a file: create, update and (with --prune) delete "
                + "them, as each zone's mode stores aliases (ServiceEntries, ExternalName Services, both); see "
                + "docs/apply.md.",
                "Prints a plan (one row per alias) and the diffs of updates and deletes; every alias gets its own "
                        + "outcome. --context a,b,c applies to several clusters at once.",
                "Exit codes: 0 every alias applied, 2 invalid file (nothing sent), 7 some aliases or clusters "
                        + "failed (the others were applied; rerun after the fix)."})
final class ApplyCommand implements Callable<Integer> {
    static final int DEFAULT_PARALLELISM = 32;
    private final CliContext context;

    @Mixin AliasFileOption file;

    @Option(names = "--prune", description = "Delete aliases svcalias manages in the file's domains that the file "
            + "does not list.")
    boolean prune;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "32",
            description = "Writes in flight at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Mixin DryRunOption dryRun;
    @Mixin LayoutOptions layout;

    ApplyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AliasFile aliases = file.read(context);
        Parallelism.check(parallel);
        ApplyRequest request = new ApplyRequest(aliases, prune, !dryRun.dryRun, parallel, layout.layout());
        try (ApplyInterruption interruption = new ApplyInterruption(context)) {
            return PlanOutput.print(context, context.root.cluster, context.root.output, (name, c) -> {
                ApplyResult result = new ApplyUseCase(c).run(request, interruption.progress(name));
                ApplyResultRenderer rendered = new ApplyResultRenderer(result);
                if (!dryRun.dryRun) {
                    context.wrote(name == null ? "" : "context " + name, rendered);
                }
                return new ClusterOutcome(name, rendered, result.summary(), result.applyExitCode(), null);
            }, dryRun.dryRun);
        }
    }
}
