package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.plan.AliasStep;
import java.util.List;
import java.util.Set;

/**
 * svcalias apply -f / diff -f against one cluster: read what is there (one list per kind, at once), resolve the
 * file against it, diff, and (apply only) write the steps with bounded parallelism.
 */
public final class ApplyUseCase {
    private final Cluster cluster;

    public ApplyUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    public ApplyResult run(ApplyRequest request) {
        List<AliasStep> steps = plan(request);
        List<AliasOutcome> outcomes = request.write() ? new AliasWriter(cluster, request.parallelism()).write(steps)
                : steps.stream().map(ApplyUseCase::wouldDo).toList();
        return new ApplyResult(cluster.describe(), request.write(), outcomes);
    }

    /** The steps alone, nothing written: shared with verify -f. */
    List<AliasStep> plan(ApplyRequest request) {
        ObservedAliases observed = ObservedAliases.read(cluster, request.layout());
        // the list above settled the served version, so this costs no request
        String version = cluster.serviceEntries().servedVersion();
        List<DesiredAlias> desired = new AliasResolver(observed, version).resolve(request.file());
        Set<String> pruned = request.prune() ? pruneDomains(request, desired) : Set.of();
        return AliasDiff.steps(desired, observed.entries(), pruned);
    }

    /** The file's domains, plus those its alias-list items were found in. */
    private static Set<String> pruneDomains(ApplyRequest request, List<DesiredAlias> desired) {
        Set<String> domains = new java.util.LinkedHashSet<>(request.file().declaredDomains());
        desired.stream().map(DesiredAlias::domain).filter(java.util.Objects::nonNull).forEach(domains::add);
        return domains;
    }

    private static AliasOutcome wouldDo(AliasStep step) {
        return switch (step.action()) {
            case CREATE -> new AliasOutcome(step, true, "would create");
            case UPDATE -> new AliasOutcome(step, true, "would update");
            case DELETE -> new AliasOutcome(step, true, "would delete");
            case UNCHANGED -> new AliasOutcome(step, true, "unchanged");
            case FAILED -> new AliasOutcome(step, false, step.detail());
        };
    }
}
