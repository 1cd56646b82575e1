package dev.svcalias.app.alias;

import dev.svcalias.app.Parallel;
import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.VirtualServiceDelete;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aliases of the coredns mode: an ExternalName Service in {@value #NAMESPACE}, named NAME plus the zone's suffix
 * ({@link AliasServiceNames}), whose externalName is the target's in-cluster name. kube-dns's alias-zone block
 * rewrites NAME.ZONE to it; the kubernetes plugin answers
 * the CNAME and the target's current records, so the answer follows the target without svcalias. A ServiceEntry
 * an earlier istiocoredns-mode svcalias left for the same host is deleted last (it would pin an old address for
 * meshed pods), and so is an istio-mode VirtualService of the host.
 */
public final class ExternalNameAliases implements AliasBackend {
    public static final String NAMESPACE = "svcalias-aliases";
    private final Cluster cluster;
    private final boolean dropServiceEntries;
    /**
     * The zone kind whose mode writes the alias; its marker is that mode's name, recorded on the Service (istio mode's
     * aliases need their mesh objects too).
     */
    private final ManagedZone.Kind writtenFor;

    /** @param dropServiceEntries coredns mode: delete a managed ServiceEntry of the same host (istio mode keeps it) */
    public ExternalNameAliases(Cluster cluster, boolean dropServiceEntries) {
        this.cluster = cluster;
        this.dropServiceEntries = dropServiceEntries;
        this.writtenFor = dropServiceEntries ? ManagedZone.Kind.COREDNS_ALIASES : ManagedZone.Kind.ISTIO_ALIASES;
    }

    @Override
    public AliasPlan put(ResolvedAlias spec, boolean force) {
        TargetChecks.refuseExternalName(spec); // headless targets work: the CNAME leads to their pods' records
        String alias = spec.host().substring(0, spec.host().length() - spec.domain().length() - 1);
        String name = AliasServiceNames.serviceName(alias, spec.domain());
        AliasService wanted = new AliasService(NAMESPACE, name, null, spec.target().fqdn(spec.clusterDomain()),
                labels(alias, spec.domain()), annotations(alias, spec));
        // the namespace's Services and (coredns mode) an istiocoredns-era ServiceEntry of the host: independent reads
        Parallel.Pair<List<AliasService>, Optional<ServiceEntryRecord>> read = atOnce(this::all,
                () -> dropServiceEntries ? new ServiceEntryAliases(cluster).managed(spec.host()) : Optional.empty());
        Optional<AliasService> current = read.first().stream().filter(s -> s.name().equals(name)).findFirst();
        // what an older svcalias wrote for the host under the name NAME alone: replaced by the zone's own name
        List<AliasService> older = read.first().stream().filter(s -> managed(s) && !s.name().equals(name)
                && s.externalName() != null && host(s).equals(spec.host())).toList();
        if (current.isPresent() && !managed(current.get())) {
            throw SvcaliasException.state("Service " + NAMESPACE + "/" + name + " exists and svcalias did not create "
                    + "it", "delete it (kubectl delete service -n " + NAMESPACE + " " + name + ") or pick another NAME");
        }
        if (current.isPresent() && !host(current.get()).equals(spec.host())) {
            throw SvcaliasException.state("Service " + NAMESPACE + "/" + name + " holds alias "
                    + host(current.get()) + ", not " + spec.host(), "remove that alias first, or pick another NAME");
        }
        Optional<AliasService> before = current.or(() -> older.stream().findFirst());
        List<Change> changes = new ArrayList<>();
        String status;
        Optional<String> from = Optional.empty();
        if (before.isEmpty()) {
            changes.add(new AliasServicePut(wanted, null, "created"));
            status = "created";
        } else if (!wanted.externalName().equals(before.get().externalName()) && !force) {
            throw SvcaliasException.state("alias " + spec.host() + " already points at " + before.get().externalName(),
                    "pass --force to re-point it at " + spec.target());
        } else if (current.isPresent() && wanted.externalName().equals(current.get().externalName())
                && ownedMetadataMatches(current.get(), wanted)) {
            status = "unchanged";
        } else if (current.isPresent()) {
            boolean repoint = !wanted.externalName().equals(current.get().externalName());
            changes.add(new AliasServicePut(wanted, current.get(), repoint ? "re-pointed from "
                    + target(current.get()) : "records alias " + spec.host()));
            status = repoint ? "re-pointed" : "updated";
            from = repoint ? Optional.of(target(current.get())) : Optional.empty();
        } else {
            changes.add(new AliasServicePut(wanted, null, "renamed from service " + NAMESPACE + "/"
                    + before.get().name()));
            status = wanted.externalName().equals(before.get().externalName()) ? "updated" : "re-pointed";
            from = status.equals("re-pointed") ? Optional.of(target(before.get())) : Optional.empty();
        }
        older.forEach(s -> changes.add(new AliasServiceDelete(s, "renamed to service " + NAMESPACE + "/" + name)));
        read.second().ifPresent(e -> {
            changes.add(new ServiceEntryDelete(e, "replaced by service " + NAMESPACE + "/" + name));
            // an istio-mode leftover has its VirtualService too (looked up only then: no extra reads otherwise)
            new VirtualServiceAliases(cluster).managed(spec.host()).ifPresent(v -> changes.add(
                    new VirtualServiceDelete(v, "istio mode's route, not used in coredns mode")));
        });
        return new AliasPlan(status, new Plan(changes), from);
    }

    @Override
    public Optional<AliasPlan> remove(String host) {
        List<AliasService> current = all().stream().filter(s -> managed(s) && s.externalName() != null
                && answers(s, host)).toList();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<Change> changes = new ArrayList<>();
        current.forEach(s -> changes.add(new AliasServiceDelete(s, "removed")));
        if (dropServiceEntries) {
            new ServiceEntryAliases(cluster).managed(host).ifPresent(e -> {
                changes.add(new ServiceEntryDelete(e, "removed"));
                // an istio-mode leftover has its VirtualService too (looked up only then: no extra reads otherwise)
                new VirtualServiceAliases(cluster).managed(host).ifPresent(v -> changes.add(
                        new VirtualServiceDelete(v, "removed")));
            });
        }
        return Optional.of(new AliasPlan("removed", new Plan(changes)));
    }

    @Override
    public List<AliasView> list() {
        return views(cluster);
    }

    static List<AliasView> views(Cluster cluster) {
        return views(cluster, new java.util.HashSet<>());
    }

    /**
     * The aliases, each with its drift: an externalName changed by hand. {@code meshHosts} collects the hosts
     * istio mode wrote (their ServiceEntry must exist too, {@link IstioDrift}).
     */
    static List<AliasView> views(Cluster cluster, java.util.Set<String> meshHosts) {
        if (cluster.aliasServices().namespaceLabels(NAMESPACE).isEmpty()) {
            return List.of();
        }
        List<AliasView> views = new ArrayList<>();
        for (AliasService s : cluster.aliasServices().list(NAMESPACE)) {
            if (!managed(s) || s.externalName() == null) {
                continue;
            }
            String target = target(s);
            Optional<String> ip = AliasView.targetService(cluster, target).map(t -> t.clusterIP())
                    .filter(a -> a != null && !a.isBlank());
            String drift = target.isEmpty() || s.externalName().startsWith(target + ".svc.") ? ""
                    : "Service " + NAMESPACE + "/" + s.name() + " has externalName " + s.externalName()
                    + ", not " + target + "'s name (changed by hand)";
            views.add(new AliasView(host(s), target, s.externalName(), NAMESPACE, s.name(), ip, true, drift));
            if (ManagedZone.Kind.ISTIO_ALIASES.marker().equals(s.annotations().get(ManagedLabels.MODE))) {
                meshHosts.add(host(s));
            }
        }
        return views;
    }

    /**
     * Every Service in the namespace, managed or not (a foreign one blocks init and reset). The namespace and its
     * Services are read at once: listing in a namespace that does not exist answers an empty list.
     */
    List<AliasService> all() {
        Parallel.Pair<Optional<Map<String, String>>, List<AliasService>> read = atOnce(
                () -> cluster.aliasServices().namespaceLabels(NAMESPACE), () -> cluster.aliasServices().list(NAMESPACE));
        return read.first().isEmpty() ? List.of() : read.second();
    }

    /** Two reads in parallel against the API server; in turn when apply's observed cluster answers from memory. */
    private <A, B> Parallel.Pair<A, B> atOnce(java.util.function.Supplier<A> a, java.util.function.Supplier<B> b) {
        return cluster instanceof ObservedCluster ? new Parallel.Pair<>(a.get(), b.get()) : Parallel.both(a, b);
    }

    /**
     * The alias host a Service holds, read from its annotations (alias and zone), never from its name; a Service an
     * older svcalias wrote has no alias annotation and was named NAME.
     */
    public static String host(AliasService s) {
        String zone = zoneOf(s);
        return aliasOf(s) + (zone.isEmpty() ? "" : "." + zone);
    }

    /** The zone the Service answers for; "" for one written before svcalias recorded zones. */
    static String zoneOf(AliasService s) {
        return s.annotations().getOrDefault(ManagedLabels.ZONE, "");
    }

    private static String aliasOf(AliasService s) {
        return s.annotations().getOrDefault(ManagedLabels.ALIAS, s.name());
    }

    /** Whether the Service holds {@code host}; one without a recorded zone holds NAME in whatever zone is asked. */
    private static boolean answers(AliasService s, String host) {
        return zoneOf(s).isEmpty() ? host.startsWith(aliasOf(s) + ".") : host(s).equals(host);
    }

    public static boolean managed(AliasService s) {
        return ManagedLabels.MANAGER.equals(s.labels().get(ManagedLabels.MANAGED_BY));
    }

    /** "svc.ns": the target annotation, or (an alias written before svcalias recorded it) its ExternalName's labels. */
    private static String target(AliasService s) {
        String recorded = s.annotations().getOrDefault(ManagedLabels.TARGET, "");
        if (!recorded.isEmpty() || s.externalName() == null) {
            return recorded;
        }
        int first = s.externalName().indexOf('.');
        int second = first < 0 ? -1 : s.externalName().indexOf('.', first + 1);
        return second < 0 ? s.externalName() : s.externalName().substring(0, second);
    }

    /** svcalias's own labels and annotations are as wanted (other tools' keys are theirs). */
    private static boolean ownedMetadataMatches(AliasService current, AliasService wanted) {
        return wanted.labels().entrySet().stream().allMatch(e -> e.getValue().equals(current.labels().get(e.getKey())))
                && wanted.annotations().entrySet().stream()
                .allMatch(e -> e.getValue().equals(current.annotations().get(e.getKey())));
    }

    private static Map<String, String> labels(String alias, String zone) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER);
        labels.put(ManagedLabels.ALIAS, alias);
        labels.put(ManagedLabels.DOMAIN, ManagedLabels.value(zone));
        return labels;
    }

    private Map<String, String> annotations(String alias, ResolvedAlias spec) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(ManagedLabels.TARGET, spec.target().toString());
        annotations.put(ManagedLabels.ZONE, spec.domain());
        annotations.put(ManagedLabels.ALIAS, alias);
        annotations.put(ManagedLabels.MODE, writtenFor.marker());
        return annotations;
    }
}
