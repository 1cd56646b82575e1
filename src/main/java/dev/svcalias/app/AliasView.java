package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.cluster.ServiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One alias as it stands: the ServiceEntry's host and address next to its target's current ClusterIP.
 * {@code targetIp} is empty when the target Service is gone.
 */
public record AliasView(String host, String target, String address, String namespace, String entryName,
                        Optional<String> targetIp) {

    public boolean inSync() {
        return targetIp.isPresent() && targetIp.get().equals(address);
    }

    /** Why it is out of sync, in words; empty when in sync. */
    public String problem() {
        if (targetIp.isEmpty()) {
            return "target Service " + target + " no longer exists (or has no ClusterIP)";
        }
        if (!inSync()) {
            return "ServiceEntry address " + address + " differs from " + target + "'s ClusterIP " + targetIp.get()
                    + ": run 'svcalias alias add " + host.substring(0, host.indexOf('.')) + " " + target + " --force'";
        }
        return "";
    }

    /** Every alias svcalias manages, sorted by host, optionally only those whose host is under {@code domain}. */
    static List<AliasView> load(Cluster cluster) {
        List<AliasView> views = new ArrayList<>();
        List<ServiceEntryRecord> entries = cluster.serviceEntries().listManaged();
        // one alias: one get; more: one list of every Service instead of a get per alias (verify of 1,000)
        java.util.Map<String, ServiceInfo> services = entries.size() > 1 ? new java.util.HashMap<>() : null;
        if (services != null) {
            cluster.services().listAll().forEach(s -> services.put(s.name() + "." + s.namespace(), s));
        }
        for (ServiceEntryRecord e : entries) {
            String target = ManagedLabels.target(e);
            Optional<String> ip = services == null ? targetIp(cluster, target)
                    : Optional.ofNullable(services.get(target)).filter(s -> !s.headless()).map(ServiceInfo::clusterIP)
                    .filter(a -> a != null && !a.isBlank());
            String host = e.hosts().isEmpty() ? e.name() : e.hosts().get(0);
            String address = e.addresses().isEmpty() ? "" : e.addresses().get(0);
            views.add(new AliasView(host, target, address, e.namespace(), e.name(), ip));
        }
        views.sort(java.util.Comparator.comparing(AliasView::host));
        return views;
    }

    private static Optional<String> targetIp(Cluster cluster, String target) {
        int dot = target.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return cluster.services().service(target.substring(dot + 1), target.substring(0, dot))
                .filter(s -> !s.headless()).map(ServiceInfo::clusterIP).filter(ip -> ip != null && !ip.isBlank());
    }
}
