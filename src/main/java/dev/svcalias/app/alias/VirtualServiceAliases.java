package dev.svcalias.app.alias;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.cluster.VirtualServiceRecord;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Manifests;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.VirtualServiceDelete;
import dev.svcalias.plan.VirtualServicePut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing half of istio mode: one VirtualService per alias ({@link VirtualServiceManifest}), in the target's
 * namespace, named like its ServiceEntry. A VirtualService for the host that svcalias did not write is refused
 * (two for one host leave istiod to pick one).
 */
public final class VirtualServiceAliases {
    private final Cluster cluster;

    public VirtualServiceAliases(Cluster cluster) {
        this.cluster = cluster;
    }

    AliasPlan put(ResolvedAlias spec, boolean force) {
        Map<String, Object> wanted = VirtualServiceManifest.build(spec);
        List<VirtualServiceRecord> all = cluster.virtualServices().listAll();
        Optional<VirtualServiceRecord> foreign = all.stream()
                .filter(v -> v.hosts().contains(spec.host()) && !managed(v)).findFirst();
        if (foreign.isPresent()) {
            throw SvcaliasException.state("host " + spec.host() + " is already routed by VirtualService "
                    + foreign.get().namespace() + "/" + foreign.get().name() + ", which svcalias did not create",
                    "pick another alias NAME, or delete that VirtualService if it is stale");
        }
        Optional<VirtualServiceRecord> current = all.stream().filter(v -> managed(v) && v.name().equals(spec.host()))
                .findFirst().or(() -> all.stream().filter(v -> v.hosts().contains(spec.host())).findFirst());
        if (wanted.isEmpty()) { // no HTTP-family port: TCP, TLS and UDP reach the target's own listeners
            return current.map(v -> new AliasPlan("updated", Plan.of(new VirtualServiceDelete(v,
                    "no HTTP port to route")))).orElse(new AliasPlan("unchanged", Plan.of()));
        }
        if (current.isEmpty()) {
            return new AliasPlan("created", Plan.of(new VirtualServicePut(wanted, null, "created")));
        }
        VirtualServiceRecord old = current.get();
        String oldTarget = old.annotations().getOrDefault(ManagedLabels.TARGET, "");
        boolean sameTarget = oldTarget.equals(spec.target().toString());
        if (sameTarget && old.namespace().equals(spec.target().namespace())
                && Manifests.same(old.spec(), wanted.get("spec"))) {
            return new AliasPlan("unchanged", Plan.of());
        }
        if (!sameTarget && !force) {
            throw SvcaliasException.state("alias " + spec.host() + " is routed to " + oldTarget + " by VirtualService "
                    + old.namespace() + "/" + old.name(), "pass --force to re-point it at " + spec.target());
        }
        String why = sameTarget ? "routes " + spec.target() + "'s ports" : "re-pointed from " + oldTarget;
        List<Change> changes = new ArrayList<>();
        if (old.namespace().equals(spec.target().namespace())) {
            changes.add(new VirtualServicePut(wanted, old, why));
        } else { // it lives in its target's namespace: create the new one, then delete the old one
            changes.add(new VirtualServicePut(wanted, null, why));
            changes.add(new VirtualServiceDelete(old, "moved to " + spec.target().namespace()));
        }
        return sameTarget ? new AliasPlan("updated", new Plan(changes))
                : AliasPlan.repointed(oldTarget, new Plan(changes));
    }

    public Optional<AliasPlan> remove(String host) {
        return managed(host).map(v -> new AliasPlan("removed", Plan.of(new VirtualServiceDelete(v, "removed"))));
    }

    public Optional<VirtualServiceRecord> managed(String host) {
        if (!cluster.virtualServices().served()) {
            return Optional.empty();
        }
        return cluster.virtualServices().listAll().stream().filter(v -> managed(v) && v.hosts().contains(host))
                .findFirst();
    }

    /** Every VirtualService svcalias wrote (reset removes them whatever mode the zone is in now). */
    public List<VirtualServiceRecord> allManaged() {
        if (!cluster.virtualServices().served()) {
            return List.of();
        }
        return cluster.virtualServices().listAll().stream().filter(VirtualServiceAliases::managed).toList();
    }

    /**
     * What verify reports per alias host: the VirtualService is missing, or routes elsewhere than the target's
     * in-cluster name (then meshed requests to the alias skip the target's routing rules and mTLS). An alias whose
     * target has no HTTP-family port needs no VirtualService; a missing target is the alias's own check's to report.
     */
    Map<String, String> problems(List<AliasView> aliases, String clusterDomain) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<VirtualServiceRecord> routes = allManaged();
        java.util.function.Function<String, Optional<ServiceInfo>> targets = targets(aliases);
        for (AliasView alias : aliases) {
            String name = alias.host().substring(0, alias.host().indexOf('.'));
            String fix = "run 'svcalias alias add " + name + " " + alias.target() + " --force'";
            if (alias.target().indexOf('.') < 0) {
                continue; // no target recorded: the alias's own check reports it
            }
            if (!targets.apply(alias.target()).map(VirtualServiceManifest::routable).orElse(false)) {
                continue;
            }
            String destination = TargetRef.parse(alias.target(), null, clusterDomain).fqdn(clusterDomain);
            Optional<VirtualServiceRecord> route = routes.stream().filter(v -> v.hosts().contains(alias.host()))
                    .findFirst();
            if (route.isEmpty()) {
                problems.put(alias.host(), "no VirtualService routes " + alias.host() + " to " + destination
                        + ": meshed requests to the alias skip the target's routing rules and mTLS; " + fix);
                continue;
            }
            var dests = VirtualServiceManifest.destinations(route.get().spec());
            if (!dests.equals(java.util.Set.of(destination))) {
                problems.put(alias.host(), "VirtualService " + route.get().namespace() + "/" + route.get().name()
                        + " routes " + alias.host() + " to " + (dests.isEmpty() ? "nothing" : String.join(",", dests))
                        + " instead of " + destination + "; " + fix);
            }
        }
        return problems;
    }

    /** The aliases' targets ("svc.ns"): one get for one alias, one list of every Service for more. */
    private java.util.function.Function<String, Optional<ServiceInfo>> targets(List<AliasView> aliases) {
        if (aliases.size() <= 1) {
            return target -> AliasView.targetService(cluster, target);
        }
        Map<String, ServiceInfo> services = new java.util.HashMap<>();
        cluster.services().listAll().forEach(s -> services.put(s.name() + "." + s.namespace(), s));
        return target -> Optional.ofNullable(services.get(target));
    }

    static boolean managed(VirtualServiceRecord v) {
        return ManagedLabels.MANAGER.equals(v.labels().get(ManagedLabels.MANAGED_BY));
    }
}
