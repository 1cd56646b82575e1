package dev.svcalias.cli;

import dev.svcalias.cli.render.ApplyResultRenderer;
import dev.svcalias.output.Format;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Printer;
import dev.svcalias.plan.AliasStepDiffs;

/**
 * Runs a per-cluster command on one cluster or a fleet and prints it: in table mode the diffs come first (all of
 * them for diff and --dry-run, updates and deletes for apply), then the plan; json/yaml print the data only.
 */
final class PlanOutput {
    private PlanOutput() {}

    static int print(CliContext context, ClusterOptions cluster, OutputOptions output, Fleet.Work work,
                     boolean allDiffs) {
        if (!Fleet.isFleet(cluster)) {
            ClusterOutcome one = Fleet.single(context, cluster, work);
            printDiffs(context, output, one.result(), allDiffs, "");
            Printer.print(one.result(), output.format, context.style(), context.out);
            return one.exitCode();
        }
        FleetResult fleet = Fleet.run(context, cluster, work);
        for (ClusterOutcome c : fleet.clusters()) {
            printDiffs(context, output, c.result(), allDiffs, "# context " + c.context() + "\n");
        }
        Printer.print(fleet, output.format, context.style(), context.out);
        return fleet.exitCode();
    }

    private static void printDiffs(CliContext context, OutputOptions output, Printable result, boolean all,
                                   String heading) {
        if (output.format != Format.table || !(result instanceof ApplyResultRenderer rendered)) {
            return;
        }
        String diffs = PreviewText.render(AliasStepDiffs.previews(rendered.result().steps(), all));
        if (!diffs.isEmpty()) {
            context.out.print(heading + diffs);
        }
    }
}
