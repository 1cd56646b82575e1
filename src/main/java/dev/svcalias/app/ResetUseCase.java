package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * svcalias reset: removes svcalias's server blocks from both Corefiles (kube-dns first, so nothing forwards to a
 * route that is about to go), and with --aliases the ServiceEntries it created. Removal restores the original
 * bytes; when the result equals the backup taken before the first edit, the backup annotation goes too.
 */
public final class ResetUseCase {
    private final Cluster cluster;

    public ResetUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    public ResetResult run(ResetRequest request) {
        ClusterLayout layout = request.layout();
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (var ref : List.of(layout.kubeDnsCorefile(), layout.istioCorefile())) {
            cluster.corefiles().read(ref).map(s -> request.restoreBackup() ? s : DnsChain.checked(s))
                    .flatMap(s -> corefileChange(s, request, notes)).ifPresent(changes::add);
        }
        if (request.aliases()) {
            if (ServiceEntryAliases.served(cluster)) {
                for (ServiceEntryRecord e : cluster.serviceEntries().listManaged()) {
                    if (request.domain() == null
                            || e.hosts().stream().anyMatch(h -> h.endsWith("." + request.domain()))) {
                        changes.add(new ServiceEntryDelete(e, "deleted alias " + String.join(",", e.hosts())));
                    }
                }
            }
            changes.addAll(AliasNamespaceReset.changes(cluster, request.domain()));
        }
        Plan plan = new Plan(changes);
        if (!request.dryRun()) {
            new PlanApplier(cluster).apply(plan);
        }
        return new ResetResult(plan, request.dryRun(), notes);
    }

    private Optional<Change> corefileChange(CorefileSnapshot snapshot, ResetRequest request, List<String> notes) {
        if (request.restoreBackup()) {
            String backup = snapshot.backup().orElseThrow(() -> SvcaliasException.state(snapshot.ref()
                    + " has no svcalias backup to restore", "svcalias has never edited it, or reset already ran"));
            return Optional.of(new CorefileChange(snapshot, backup, text -> backup,
                    "restored the backup taken before svcalias's first edit", true));
        }
        List<String> zones = Corefiles.managedZones(snapshot.corefile()).stream().map(ManagedZone::domain)
                .filter(z -> request.domain() == null || z.equals(request.domain())).toList();
        if (zones.isEmpty() && snapshot.backup().isEmpty()) {
            return Optional.empty();
        }
        UnaryOperator<String> edit = text -> {
            String result = text;
            for (String zone : zones) {
                result = Corefiles.removeZone(result, zone);
            }
            return result;
        };
        String after = edit.apply(snapshot.corefile());
        boolean backToOriginal = snapshot.backup().map(after::equals).orElse(false);
        boolean noneLeft = Corefiles.managedZones(after).isEmpty();
        if (noneLeft && snapshot.backup().isPresent() && !backToOriginal) {
            notes.add(snapshot.ref() + " differs from the backup svcalias took before its first edit because of "
                    + "changes svcalias did not make; they were kept (use --restore-backup to restore the backup "
                    + "verbatim)");
        }
        String summary = zones.isEmpty() ? "no svcalias blocks" : "removed zone " + String.join(", ", zones);
        return Optional.of(new CorefileChange(snapshot, after, edit, summary, backToOriginal));
    }
}
