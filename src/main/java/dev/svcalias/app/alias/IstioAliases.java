package dev.svcalias.app.alias;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aliases of the istio mode: the coredns-mode ExternalName Service (every pod that asks kube-dns), a VirtualService
 * that routes the alias host to the target's own mesh cluster (its DestinationRule, mTLS and routes), and a
 * ServiceEntry with the target's ClusterIP (what istiod puts in the sidecar/ztunnel DNS proxy's name table, and
 * what gives the alias host a virtual host on the target's port). Written in that order, so that meshed pods can
 * resolve the alias only once its route to the target exists; removed ServiceEntry first for the same reason.
 */
public final class IstioAliases implements AliasBackend {
    private final Cluster cluster;
    private final ExternalNameAliases services;
    private final ServiceEntryAliases entries;
    private final VirtualServiceAliases routes;

    public IstioAliases(Cluster cluster) {
        this.cluster = cluster;
        this.services = new ExternalNameAliases(cluster, false);
        this.entries = new ServiceEntryAliases(cluster, ServiceEntryShape.BY_NAME);
        this.routes = new VirtualServiceAliases(cluster);
    }

    @Override
    public AliasPlan put(ResolvedAlias spec, boolean force) {
        // which targets it takes (any but ExternalName) the first part says, before its first read
        List<AliasPlan> parts = List.of(services.put(spec, force), routes.put(spec, force), entries.put(spec, force));
        String status = parts.stream().filter(p -> !p.plan().isEmpty()).map(AliasPlan::status).findFirst()
                .orElse("unchanged");
        if (status.equals("created") && !parts.get(0).status().equals("created")) {
            status = "updated"; // the alias exists; a missing ServiceEntry or VirtualService is written again
        }
        Optional<String> from = parts.stream().flatMap(p -> p.repointedFrom().stream()).findFirst();
        return new AliasPlan(status, concat(parts.stream().map(AliasPlan::plan).toList()),
                status.equals("re-pointed") ? from : Optional.empty());
    }

    @Override
    public Optional<AliasPlan> remove(String host) {
        List<Plan> plans = new ArrayList<>();
        entries.remove(host).ifPresent(p -> plans.add(p.plan()));
        routes.remove(host).ifPresent(p -> plans.add(p.plan()));
        services.remove(host).ifPresent(p -> plans.add(p.plan()));
        return plans.isEmpty() ? Optional.empty() : Optional.of(new AliasPlan("removed", concat(plans)));
    }

    @Override
    public List<AliasView> list() {
        return AliasView.load(cluster);
    }

    @Override
    public Map<String, String> problems(List<AliasView> aliases, String clusterDomain) {
        return routes.problems(aliases, clusterDomain);
    }

    private static Plan concat(List<Plan> plans) {
        List<Change> all = new ArrayList<>();
        plans.forEach(p -> all.addAll(p.changes()));
        return new Plan(all);
    }
}
