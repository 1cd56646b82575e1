package dev.svcalias.app;

import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Aliases of the istio mode: the coredns-mode ExternalName Service (every pod that asks kube-dns) and a
 * ServiceEntry with the target's ClusterIP (what istiod puts in the sidecar/ztunnel DNS proxy's name table, and
 * what gives the alias host a route on the target's port). The Service is written first, the ServiceEntry last.
 */
final class IstioAliases implements AliasBackend {
    private final dev.svcalias.cluster.Cluster cluster;
    private final ExternalNameAliases services;
    private final ServiceEntryAliases entries;

    IstioAliases(dev.svcalias.cluster.Cluster cluster) {
        this.cluster = cluster;
        this.services = new ExternalNameAliases(cluster, false);
        this.entries = new ServiceEntryAliases(cluster, true);
    }

    @Override
    public AliasPlan put(AliasSpec spec, boolean force) {
        TargetChecks.requireClusterIp(spec, "the DNS proxy's ServiceEntry");
        AliasPlan service = services.put(spec, force);
        AliasPlan entry = entries.put(spec, force);
        return new AliasPlan(service.plan().isEmpty() ? entry.status() : service.status(),
                concat(service.plan(), entry.plan()));
    }

    @Override
    public Optional<AliasPlan> remove(String host) {
        Optional<AliasPlan> service = services.remove(host);
        Optional<AliasPlan> entry = entries.remove(host);
        if (service.isEmpty() && entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AliasPlan("removed", concat(service.map(AliasPlan::plan).orElse(Plan.of()),
                entry.map(AliasPlan::plan).orElse(Plan.of()))));
    }

    @Override
    public List<AliasView> list() {
        return AliasView.load(cluster);
    }

    private static Plan concat(Plan first, Plan second) {
        List<Change> all = new ArrayList<>(first.changes());
        all.addAll(second.changes());
        return new Plan(all);
    }
}
