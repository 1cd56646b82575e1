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

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what 'apply -f FILE' would change: unified diffs of the objects each alias needs in its "
                + "zone's mode, and the plan.",
                "Exit codes as kubectl diff: 0 no changes, 1 changes, above 1 an error (7: some aliases cannot be "
                        + "applied, e.g. a missing target)."})
final class DiffCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin AliasFileOption file;

    @Option(names = "--prune", description = "Also show the deletes that 'apply --prune' would make.")
    boolean prune;

    @Mixin LayoutOptions layout;

    DiffCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AliasFile aliases = file.read(context);
        ApplyRequest request = new ApplyRequest(aliases, prune, false, 1, layout.layout());
        return PlanOutput.print(context, context.root.cluster, context.root.output, (name, c) -> {
            ApplyResult result = new ApplyUseCase(c).run(request);
            return new ClusterOutcome(name, new ApplyResultRenderer(result), result.summary(), result.diffExitCode(), null);
        }, true);
    }
}
