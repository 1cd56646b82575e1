package dev.svcalias.app.usecase;

import dev.svcalias.plan.Plan;
import java.util.List;

/** What reset did (or would do). */
public record ResetResult(Plan plan, boolean dryRun, List<String> notes) {
}
