package dev.svcalias.app.usecase;

import dev.svcalias.app.Parallel;
import dev.svcalias.app.alias.AliasPlan;
import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.alias.ObservedCluster;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * svcalias apply -f / diff -f against one cluster, in every mode: read the DNS chain (the mode each zone records)
 * and every kind the alias backends read, once and all at once; let each zone's backend plan its aliases (and,
 * with --prune, the removal of managed aliases the file drops); then (apply only) write each alias's plan with
 * bounded parallelism, all or nothing per alias, conditional on what was read.
 */
public final class ApplyUseCase {
    private final Cluster cluster;

    public ApplyUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    /** What was read and what would be done, for apply, diff and verify -f. */
    record Planned(DnsChain chain, List<AliasStep> steps) {}

    public ApplyResult run(ApplyRequest request) {
        return run(request, ApplyProgress.untracked());
    }

    /** As {@link #run(ApplyRequest)}, reporting each alias's writes to {@code progress}, which may stop the rest. */
    public ApplyResult run(ApplyRequest request, ApplyProgress progress) {
        List<AliasStep> steps = plan(request).steps();
        progress.planned((int) steps.stream().filter(AliasStep::writes).count());
        List<AliasOutcome> outcomes = request.write()
                ? Parallel.map(steps, request.parallelism(), step -> write(step, progress))
                : steps.stream().map(ApplyUseCase::wouldDo).toList();
        return new ApplyResult(cluster.describe(), request.write(), outcomes);
    }

    Planned plan(ApplyRequest request) {
        Parallel.Pair<DnsChain, ObservedCluster> read = Parallel.both(() -> DnsChain.read(cluster, request.layout()),
                () -> ObservedCluster.read(cluster));
        AliasResolver resolver = new AliasResolver(read.second(), read.first());
        List<AliasStep> steps = new ArrayList<>(resolver.resolve(request.file()));
        if (request.prune()) {
            steps.addAll(prunes(read.second(), read.first(), resolver, steps, pruneDomains(request, steps, resolver)));
        }
        steps.sort(Comparator.comparing(AliasStep::host));
        return new Planned(read.first(), steps);
    }

    /** Managed aliases of the pruned zones that the file does not list, in any mode, removed as alias remove does. */
    private static List<AliasStep> prunes(ObservedCluster observed, DnsChain chain, AliasResolver resolver,
                                          List<AliasStep> declared, Set<String> domains) {
        Set<String> hosts = new HashSet<>();
        declared.forEach(s -> hosts.add(s.host()));
        List<AliasStep> prunes = new ArrayList<>();
        for (AliasView alias : AliasView.load(observed)) {
            Optional<String> zone = resolver.zoneOf(alias.host());
            if (hosts.contains(alias.host()) || zone.isEmpty() || !domains.contains(zone.get())) {
                continue;
            }
            Optional<AliasPlan> removal = Mode.recordedIn(chain, zone.get()).removal(observed,
                    alias.host());
            removal.filter(r -> !r.plan().isEmpty()).ifPresent(r -> prunes.add(new AliasStep(alias.host(),
                    Action.DELETE, alias.target(), "", r.plan(), "--prune: not in the file")));
        }
        return prunes;
    }

    /** The file's domains, plus those its alias-list items were found in. */
    private static Set<String> pruneDomains(ApplyRequest request, List<AliasStep> steps, AliasResolver resolver) {
        Set<String> domains = new LinkedHashSet<>(request.file().declaredDomains());
        steps.forEach(s -> resolver.zoneOf(s.host()).ifPresent(domains::add));
        return domains;
    }

    /** One alias's writes, all or nothing (PlanApplier undoes the alias's earlier writes when a later one fails). */
    private AliasOutcome write(AliasStep step, ApplyProgress progress) {
        if (!step.writes()) {
            return wouldDo(step);
        }
        if (!progress.begin()) {
            return new AliasOutcome(step, false, "not started: the run was interrupted");
        }
        AliasOutcome outcome = write(step);
        progress.end(outcome);
        return outcome;
    }

    private AliasOutcome write(AliasStep step) {
        try {
            new PlanApplier(cluster).apply(step.plan());
            return new AliasOutcome(step, true, switch (step.action()) {
                case CREATE -> "created";
                case UPDATE -> "updated";
                default -> "deleted";
            });
        } catch (SvcaliasException e) {
            return new AliasOutcome(step, false, oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            return new AliasOutcome(step, false, oneLine(String.valueOf(e)));
        }
    }

    private static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\s*\\R\\s*", " ");
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
