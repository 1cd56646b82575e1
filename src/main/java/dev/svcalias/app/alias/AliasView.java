package dev.svcalias.app.alias;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.cluster.ServiceInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One alias as it stands next to its target. A ServiceEntry alias of istiocoredns mode holds a fixed
 * {@code address} that must equal the target's ClusterIP; an ExternalName alias, and an istio-mode alias whose
 * ServiceEntry has no address ({@code follows}), names the target, so it is in sync whenever the target exists.
 * {@code targetIp} is empty when the target Service is gone, "None" for a headless target.
 * {@code drift} says how the alias's objects differ from what svcalias wrote (edited or deleted by hand, or left
 * half-written by an interrupted run); empty when they do not.
 */
public record AliasView(String host, String target, String address, String namespace, String entryName,
                        Optional<String> targetIp, boolean follows, String drift) {

    public AliasView(String host, String target, String address, String namespace, String entryName,
                     Optional<String> targetIp) {
        this(host, target, address, namespace, entryName, targetIp, false, "");
    }

    public AliasView(String host, String target, String address, String namespace, String entryName,
                     Optional<String> targetIp, boolean follows) {
        this(host, target, address, namespace, entryName, targetIp, follows, "");
    }

    public boolean inSync() {
        return targetIp.isPresent() && drift.isEmpty() && (follows || targetIp.get().equals(address));
    }

    AliasView withDrift(String more) {
        if (more.isEmpty()) {
            return this;
        }
        return new AliasView(host, target, address, namespace, entryName, targetIp, follows,
                drift.isEmpty() ? more : drift + "; " + more);
    }

    /** Why it is out of sync, in words; empty when in sync. */
    public String problem() {
        if (targetIp.isEmpty()) {
            return "target Service " + target + " no longer exists (or has no ClusterIP)";
        }
        if (!drift.isEmpty()) {
            return drift + ": run 'svcalias alias add " + host.substring(0, host.indexOf('.')) + " " + target
                    + " --force' (or apply the file)";
        }
        if (!inSync()) {
            return "ServiceEntry address " + address + " differs from " + target + "'s ClusterIP " + targetIp.get()
                    + ": run 'svcalias alias add " + host.substring(0, host.indexOf('.')) + " " + target + " --force'";
        }
        return "";
    }

    /** Every alias svcalias manages, in every mode, sorted by host (an istio-mode alias appears once). */
    public static List<AliasView> load(Cluster cluster) {
        Map<String, AliasView> byHost = new java.util.TreeMap<>();
        java.util.Set<String> meshHosts = new java.util.HashSet<>();
        List<AliasView> services = ExternalNameAliases.views(cluster, meshHosts);
        for (AliasView v : services) {
            byHost.put(v.host(), v);
        }
        java.util.Set<String> entryHosts = new java.util.HashSet<>();
        for (AliasView v : ServiceEntryAliases.views(cluster)) {
            entryHosts.add(v.host());
            byHost.put(v.host(), IstioDrift.combined(byHost.get(v.host()), v));
        }
        IstioDrift.check(meshHosts, entryHosts, byHost);
        List<AliasView> views = new ArrayList<>(byHost.values());
        views.sort(Comparator.comparing(AliasView::host));
        return views;
    }

    static List<AliasView> fromServiceEntries(Cluster cluster, List<ServiceEntryRecord> entries) {
        List<AliasView> views = new ArrayList<>();
        // one alias: one get; more: one list of every Service instead of a get per alias (verify of 1,000)
        Map<String, ServiceInfo> services = entries.size() > 1 ? new java.util.HashMap<>() : null;
        if (services != null) {
            cluster.services().listAll().forEach(s -> services.put(s.name() + "." + s.namespace(), s));
        }
        for (ServiceEntryRecord e : entries) {
            String target = ManagedLabels.target(e);
            Optional<ServiceInfo> service = services == null ? targetService(cluster, target)
                    : Optional.ofNullable(services.get(target));
            Optional<String> ip = service.filter(s -> !s.headless())
                    .map(ServiceInfo::clusterIP).filter(a -> a != null && !a.isBlank());
            // svcalias names the entry after the host it writes: the name says which alias it is, hosts may be edited
            String host = e.name().contains(".") || e.hosts().isEmpty() ? e.name() : e.hosts().get(0);
            String address = e.addresses().isEmpty() ? "" : e.addresses().get(0);
            String drift = e.hosts().equals(List.of(host)) ? "" : "ServiceEntry " + e.namespace() + "/" + e.name()
                    + " has hosts " + e.hosts() + ", not [" + host + "] (changed by hand)";
            views.add(new AliasView(host, target, address, e.namespace(), e.name(), ip, false, drift));
        }
        return views;
    }

    /** The target "svc.ns" as it is now, if it exists. */
    public static Optional<ServiceInfo> targetService(Cluster cluster, String target) {
        int dot = target.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return cluster.services().service(target.substring(dot + 1), target.substring(0, dot));
    }
}
