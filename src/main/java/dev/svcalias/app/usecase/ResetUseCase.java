package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasNamespaceReset;
import dev.svcalias.app.alias.ServiceEntryAliases;
import dev.svcalias.app.alias.VirtualServiceAliases;
import dev.svcalias.app.write.KubeletNudge;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.CorefileReset;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.app.zone.PlatformSetup;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.VirtualServiceDelete;
import java.util.ArrayList;
import java.util.List;

/**
 * svcalias reset: removes svcalias's server blocks from both Corefiles (kube-dns first, so nothing forwards to a
 * route that is about to go), and with --aliases the ServiceEntries, VirtualServices and ExternalName Services it
 * created. Removal restores the original
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
        // front to back: node-local-dns, then the cluster DNS, then istiocoredns, so nothing forwards to a route
        // that is already gone
        PlatformSetup platform = PlatformSetup.read(cluster, layout, request.restoreBackup(), false);
        platform.nodeLocalRemoval(request.domain(), notes).ifPresent(changes::add);
        changes.addAll(platform.side().remove(request.domain(), notes));
        cluster.corefiles().read(layout.istioCorefile()).map(s -> request.restoreBackup() ? s : DnsChain.checked(s))
                .flatMap(s -> CorefileReset.change(s, request.domain(), request.restoreBackup(), notes))
                .ifPresent(changes::add);
        if (request.aliases()) {
            if (ServiceEntryAliases.served(cluster)) {
                for (ServiceEntryRecord e : cluster.serviceEntries().listManaged()) {
                    if (request.domain() == null
                            || e.hosts().stream().anyMatch(h -> h.endsWith("." + request.domain()))) {
                        changes.add(new ServiceEntryDelete(e, "deleted alias " + String.join(",", e.hosts())));
                    }
                }
            }
            for (var v : new VirtualServiceAliases(cluster).allManaged()) {
                if (request.domain() == null || v.hosts().stream().anyMatch(h -> h.endsWith("." + request.domain()))) {
                    changes.add(new VirtualServiceDelete(v, "deleted route of alias " + String.join(",", v.hosts())));
                }
            }
            changes.addAll(AliasNamespaceReset.changes(cluster, request.domain()));
        }
        Plan plan = new Plan(changes);
        if (!request.dryRun()) {
            new PlanApplier(cluster).apply(plan);
            KubeletNudge.afterWrites(cluster, plan, notes);
        }
        return new ResetResult(plan, request.dryRun(), notes);
    }
}
