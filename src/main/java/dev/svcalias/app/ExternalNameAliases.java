package dev.svcalias.app;

import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Aliases of the coredns mode: an ExternalName Service NAME in {@value #NAMESPACE} whose externalName is the
 * target's in-cluster name. kube-dns's alias-zone block rewrites NAME.ZONE to it; the kubernetes plugin answers
 * the CNAME and the target's current records, so the answer follows the target without svcalias. A ServiceEntry
 * an earlier istiocoredns-mode svcalias left for the same host is deleted last (it would pin an old address for
 * meshed pods).
 */
final class ExternalNameAliases implements AliasBackend {
    static final String NAMESPACE = "svcalias-aliases";
    /** A Service name: an RFC 1035 label (starts with a letter). */
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private final Cluster cluster;
    private final boolean dropServiceEntries;

    /** @param dropServiceEntries coredns mode: delete a managed ServiceEntry of the same host (istio mode keeps it) */
    ExternalNameAliases(Cluster cluster, boolean dropServiceEntries) {
        this.cluster = cluster;
        this.dropServiceEntries = dropServiceEntries;
    }

    @Override
    public AliasPlan put(AliasSpec spec, boolean force) {
        TargetChecks.refuseExternalName(spec); // headless targets work: the CNAME leads to their pods' records
        String name = serviceName(spec);
        AliasService wanted = new AliasService(NAMESPACE, name, null, spec.target().fqdn(spec.clusterDomain()),
                labels(spec), annotations(spec));
        // the alias's Service and (coredns mode) an istiocoredns-era ServiceEntry of the host: independent reads
        Parallel.Pair<Optional<AliasService>, Optional<ServiceEntryRecord>> read = atOnce(() -> find(name),
                () -> dropServiceEntries ? new ServiceEntryAliases(cluster).managed(spec.host()) : Optional.empty());
        Optional<AliasService> current = read.first();
        List<Change> changes = new ArrayList<>();
        String status;
        if (current.isEmpty()) {
            changes.add(new AliasServicePut(wanted, null, "created"));
            status = "created";
        } else if (!managed(current.get())) {
            throw SvcaliasException.state("Service " + NAMESPACE + "/" + name + " exists and svcalias did not create "
                    + "it", "delete it (kubectl delete service -n " + NAMESPACE + " " + name + ") or pick another NAME");
        } else if (wanted.externalName().equals(current.get().externalName())) {
            status = "unchanged";
        } else if (!force) {
            throw SvcaliasException.state("alias " + spec.host() + " already points at " + current.get().externalName(),
                    "pass --force to re-point it at " + spec.target());
        } else {
            changes.add(new AliasServicePut(wanted, current.get(), "re-pointed from " + target(current.get())));
            status = "re-pointed";
        }
        read.second().ifPresent(e -> changes.add(new ServiceEntryDelete(e, "replaced by service " + NAMESPACE + "/"
                + name)));
        return new AliasPlan(status, new Plan(changes));
    }

    @Override
    public Optional<AliasPlan> remove(String host) {
        Optional<AliasService> current = find(host.substring(0, host.indexOf('.'))).filter(ExternalNameAliases::managed)
                .filter(s -> host.endsWith("." + domainOf(s)) || domainOf(s).isEmpty());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<Change> changes = new ArrayList<>(List.of(new AliasServiceDelete(current.get(), "removed")));
        if (dropServiceEntries) {
            new ServiceEntryAliases(cluster).managed(host).ifPresent(e -> changes.add(new ServiceEntryDelete(e,
                    "removed")));
        }
        return Optional.of(new AliasPlan("removed", new Plan(changes)));
    }

    @Override
    public List<AliasView> list() {
        return views(cluster);
    }

    static List<AliasView> views(Cluster cluster) {
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
            String host = s.name() + "." + domainOf(s);
            views.add(new AliasView(host, target, s.externalName(), NAMESPACE, s.name(), ip, true));
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

    private Optional<AliasService> find(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** In these modes the alias NAME is a Service name, so it must be one DNS-1035 label. */
    private static String serviceName(AliasSpec spec) {
        String name = spec.host().substring(0, spec.host().length() - spec.domain().length() - 1);
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw SvcaliasException.usage("alias NAME '" + name + "' cannot be a Service name in " + NAMESPACE
                    + " (one label of a-z, 0-9 and '-', starting with a letter, at most 63 characters)",
                    "use a name like my-fruits");
        }
        return name;
    }

    static boolean managed(AliasService s) {
        return ManagedLabels.MANAGER.equals(s.labels().get(ManagedLabels.MANAGED_BY));
    }

    private static String target(AliasService s) {
        return s.annotations().getOrDefault(ManagedLabels.TARGET, "");
    }

    private static String domainOf(AliasService s) {
        return s.annotations().getOrDefault(ManagedLabels.ZONE, "");
    }

    private static Map<String, String> labels(AliasSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER);
        labels.put(ManagedLabels.DOMAIN, spec.domain().replace('.', '-'));
        return labels;
    }

    static Map<String, String> annotations(AliasSpec spec) {
        return Map.of(ManagedLabels.TARGET, spec.target().toString(), ManagedLabels.ZONE, spec.domain());
    }
}
