package dev.svcalias.app.usecase;

import dev.svcalias.plan.Plan;
import java.util.List;
import java.util.Map;

/**
 * What init did (or, with --dry-run, would do). {@code modeFacts} are what the mode reports of its setup
 * (istiocoredns's ClusterIP and CoreDNS version); {@code migratedFrom} the mode the zone had before ("" when none or
 * the same), {@code movedAliases} how many aliases moved.
 */
public record InitResult(String domain, String clusterDomain, Map<String, String> modeFacts,
                         Plan plan, boolean dryRun, List<String> warnings, List<String> restarted, String mode,
                         String migratedFrom, int movedAliases, List<String> evidence, String platform,
                         boolean revertible) {
}
