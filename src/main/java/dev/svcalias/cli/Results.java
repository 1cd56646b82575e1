package dev.svcalias.cli;

import dev.svcalias.output.Format;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Printer;
import dev.svcalias.plan.Plan;

/** Prints a result; with --dry-run in table mode the diffs and manifests come first. */
final class Results {
    private Results() {}

    static void print(CliContext context, Printable result, Plan dryRunPlan) {
        if (dryRunPlan == null) {
            context.wrote("", result); // every caller writes to the cluster unless it is a dry run
        }
        if (dryRunPlan != null && context.format() == Format.table) {
            context.out.print(PreviewText.render(dryRunPlan.dryRun()));
        }
        Printer.print(result, context.format(), context.style(), context.out);
    }
}
