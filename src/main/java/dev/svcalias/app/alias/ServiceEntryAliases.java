package dev.svcalias.app.alias;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aliases as ServiceEntries (istiocoredns mode, and the mesh half of istio mode): one per alias, in the target's
 * namespace, with the target's ClusterIP as its address.
 */
public final class ServiceEntryAliases implements AliasBackend {
    private final Cluster cluster;
    private final boolean meshProtocols;

    public ServiceEntryAliases(Cluster cluster) {
        this(cluster, false);
    }

    /** @param meshProtocols istio mode: ports carry the protocol Istio gives the target's ports */
    ServiceEntryAliases(Cluster cluster, boolean meshProtocols) {
        this.cluster = cluster;
        this.meshProtocols = meshProtocols;
    }

    @Override
    public AliasPlan put(ResolvedAlias spec, boolean force) {
        TargetChecks.requireClusterIp(spec, "a ServiceEntry");
        String host = spec.host();
        List<ServiceEntryRecord> all = cluster.serviceEntries().listAll();
        Optional<ServiceEntryRecord> foreign = all.stream()
                .filter(e -> e.hosts().contains(host) && !ManagedLabels.managed(e)).findFirst();
        if (foreign.isPresent()) {
            throw SvcaliasException.state("host " + host + " is already declared by ServiceEntry "
                    + foreign.get().namespace() + "/" + foreign.get().name() + ", which svcalias did not create",
                    "pick another alias NAME, or delete that ServiceEntry if it is stale");
        }
        Optional<ServiceEntryRecord> current = managed(host);
        Map<String, Object> manifest = ServiceEntryManifest.build(cluster.serviceEntries().servedVersion(), host,
                spec.name(), spec.domain(), spec.target(), spec.service(), spec.clusterDomain(), meshProtocols);
        List<Change> changes = new ArrayList<>();
        if (current.isEmpty()) {
            changes.add(new ServiceEntryPut(manifest, null, "created"));
            return new AliasPlan("created", new Plan(changes));
        }
        ServiceEntryRecord old = current.get();
        if (pointsAt(old, spec)) {
            if (sameObject(old, manifest)) {
                return new AliasPlan("unchanged", Plan.of());
            }
            // same target, other spec: e.g. an istiocoredns-era entry moved to istio mode (Istio's protocols), the
            // target's ports changed, or a file (apply -f) names other ports
            boolean protocolsOnly = meshProtocols && !protocols(old.spec()).equals(protocols(manifestSpec(manifest)));
            return new AliasPlan("updated", Plan.of(new ServiceEntryPut(manifest, old, protocolsOnly
                    ? "ports use Istio's protocols" : "spec changed")));
        }
        if (!force) {
            throw SvcaliasException.state("alias " + host + " already points at " + ManagedLabels.target(old)
                    + " (" + String.join(",", old.addresses()) + ")", "pass --force to re-point it at " + spec.target());
        }
        if (old.namespace().equals(spec.target().namespace())) {
            changes.add(new ServiceEntryPut(manifest, old, "re-pointed from " + ManagedLabels.target(old)));
        } else {
            // a ServiceEntry lives in its target's namespace: create the new one, then delete the old one
            changes.add(new ServiceEntryPut(manifest, null, "re-pointed from " + ManagedLabels.target(old)));
            changes.add(new ServiceEntryDelete(old, "moved to " + spec.target().namespace()));
        }
        return new AliasPlan("re-pointed", new Plan(changes));
    }

    @Override
    public Optional<AliasPlan> remove(String host) {
        return managed(host).map(e -> new AliasPlan("removed", Plan.of(new ServiceEntryDelete(e, "removed"))));
    }

    @Override
    public List<AliasView> list() {
        return views(cluster);
    }

    static List<AliasView> views(Cluster cluster) {
        return AliasView.fromServiceEntries(cluster, managedOrNone(cluster));
    }

    /**
     * The managed entries, none when Istio's API is not served. Straight to the list (which tries v1 first and only
     * discovers the version on a 404), not discovery first: two sequential requests fewer in every coredns-mode
     * alias command, which looks for an istiocoredns-era leftover of the host.
     */
    private static List<ServiceEntryRecord> managedOrNone(Cluster cluster) {
        try {
            return cluster.serviceEntries().listManaged();
        } catch (SvcaliasException e) {
            if (e.exitCode() != dev.svcalias.error.ExitCode.CLUSTER_STATE) {
                throw e;
            }
            return List.of(); // not served
        }
    }

    /** Without Istio's CRD there are no ServiceEntries to list (coredns mode on a cluster without Istio). */
    public static boolean served(Cluster cluster) {
        try {
            cluster.serviceEntries().servedVersion();
            return true;
        } catch (SvcaliasException notServed) {
            return false;
        }
    }

    /** svcalias's entry for the host: named after it (even when its hosts were edited by hand), or declaring it. */
    Optional<ServiceEntryRecord> managed(String host) {
        List<ServiceEntryRecord> entries = managedOrNone(cluster);
        return entries.stream().filter(e -> e.name().equals(host)).findFirst()
                .or(() -> entries.stream().filter(e -> e.hosts().contains(host)).findFirst());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifestSpec(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.get("spec");
    }

    /** "80/HTTP" per port, sorted: what decides routing, whatever the key order the server returns. */
    private static java.util.SortedSet<String> protocols(Map<String, Object> spec) {
        java.util.SortedSet<String> set = new java.util.TreeSet<>();
        if (spec.get("ports") instanceof List<?> ports) {
            for (Object p : ports) {
                if (p instanceof Map<?, ?> m) {
                    set.add(m.get("number") + "/" + m.get("protocol"));
                }
            }
        }
        return set;
    }

    /**
     * Whether the entry is already what svcalias would write: the spec compared as data (key order and number types
     * ignored), svcalias's own labels and annotations compared, other tools' ignored.
     */
    @SuppressWarnings("unchecked")
    public static boolean sameObject(ServiceEntryRecord before, Map<String, Object> manifest) {
        Map<String, Object> meta = (Map<String, Object>) manifest.get("metadata");
        return before.namespace().equals(meta.get("namespace")) && before.name().equals(meta.get("name"))
                && ownedKeysMatch((Map<String, Object>) meta.get("labels"), before.labels())
                && ownedKeysMatch((Map<String, Object>) meta.get("annotations"), before.annotations())
                && dev.svcalias.plan.Manifests.same(manifest.get("spec"), before.spec());
    }

    private static boolean ownedKeysMatch(Map<String, Object> wanted, Map<String, String> actual) {
        return wanted == null || wanted.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(actual.get(e.getKey())));
    }

    private static boolean pointsAt(ServiceEntryRecord entry, ResolvedAlias spec) {
        return entry.namespace().equals(spec.target().namespace())
                && ManagedLabels.target(entry).equals(spec.target().toString())
                && entry.addresses().equals(List.of(spec.service().clusterIP()));
    }
}
