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
 * namespace, in its mode's {@link ServiceEntryShape}: the target's ClusterIP as its address (istiocoredns), or no
 * address at all (istio mode).
 */
public final class ServiceEntryAliases implements AliasBackend {
    private final Cluster cluster;
    private final ServiceEntryShape shape;

    public ServiceEntryAliases(Cluster cluster) {
        this(cluster, ServiceEntryShape.FIXED_ADDRESS);
    }

    ServiceEntryAliases(Cluster cluster, ServiceEntryShape shape) {
        this.cluster = cluster;
        this.shape = shape;
    }

    @Override
    public AliasPlan put(ResolvedAlias spec, boolean force) {
        shape.check(spec);
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
                spec.name(), spec.domain(), spec.target(), spec.service(), spec.clusterDomain(), shape);
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
            // same target, other spec: an entry of the fixed-address shape migrated to istio mode's, the target's
            // ports changed, or a file (apply -f) names other ports
            return new AliasPlan("updated", Plan.of(new ServiceEntryPut(manifest, old, why(old))));
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
        return AliasPlan.repointed(ManagedLabels.target(old), new Plan(changes));
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

    /** Why an entry of the same target is rewritten, in the plan's words. */
    private String why(ServiceEntryRecord old) {
        if (shape == ServiceEntryShape.BY_NAME && !old.addresses().isEmpty()) {
            return "no fixed address " + String.join(",", old.addresses())
                    + ": meshed pods get the target's ClusterIP from kube-dns";
        }
        return "spec changed";
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

    /**
     * Whether the entry is this alias's for the same target. A fixed-address entry must also hold the target's
     * ClusterIP (else it is re-pointed, with --force); istio mode's entries hold none, and one of the old shape
     * with a stale address is migrated like any other.
     */
    private boolean pointsAt(ServiceEntryRecord entry, ResolvedAlias spec) {
        return entry.namespace().equals(spec.target().namespace())
                && ManagedLabels.target(entry).equals(spec.target().toString())
                && (shape == ServiceEntryShape.BY_NAME
                || entry.addresses().equals(List.of(spec.service().clusterIP())));
    }
}
