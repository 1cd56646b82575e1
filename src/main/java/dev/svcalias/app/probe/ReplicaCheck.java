package dev.svcalias.app.probe;

import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEndpoint;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * verify asks every CoreDNS replica, not only the one kube-dns's ClusterIP happened to pick: each alias's A query
 * again at each ready endpoint of the kube-dns Service, from the same probe pod. A replica that answers otherwise
 * still serves an older Corefile (the kubelet refreshes a ConfigMap volume at its next pod sync, up to about a
 * minute, then {@code reload} takes up to 37.5 s) or has not seen the alias's Service yet; verify names it.
 */
public record ReplicaCheck(List<ServiceEndpoint> replicas, List<String> hosts) {
    public static ReplicaCheck of(Cluster cluster, DnsProbe probe, ClusterLayout layout, List<AliasView> aliases) {
        if (!probe.reachesReplicas() || aliases.isEmpty()) {
            return new ReplicaCheck(List.of(), List.of());
        }
        List<ServiceEndpoint> endpoints = cluster.services().readyEndpoints(layout.kubeDnsNamespace(),
                layout.kubeDnsService());
        return new ReplicaCheck(endpoints, aliases.stream().map(AliasView::host).toList());
    }

    public List<DnsProbe.Query> queries() {
        List<DnsProbe.Query> queries = new ArrayList<>();
        for (String host : hosts) {
            for (ServiceEndpoint replica : replicas) {
                queries.add(new DnsProbe.Query(host, RecordType.A, replica.address()));
            }
        }
        return queries;
    }

    /** Empty when every replica answers {@code expected} for {@code host}; else which do not, and what they said. */
    public String lagging(String host, String expected, Map<DnsProbe.Query, DnsAnswer> answers) {
        List<String> behind = new ArrayList<>();
        for (ServiceEndpoint replica : replicas) {
            DnsAnswer a = answers.get(new DnsProbe.Query(host, RecordType.A, replica.address()));
            if (a != null && !(a.noError() && a.addresses().equals(List.of(expected)))) {
                behind.add(replica.address() + (replica.pod().isEmpty() ? "" : " (pod " + replica.pod() + ")")
                        + " answered " + a.describe());
            }
        }
        if (behind.isEmpty()) {
            return "";
        }
        return behind.size() + " of " + replicas.size() + " CoreDNS replicas do not answer " + expected + " yet: "
                + String.join("; ", behind) + ". A replica serves a Corefile change only after the kubelet "
                + "refreshes its ConfigMap volume (up to about a minute) and reload reads it (up to 37.5 s); "
                + "retry with --wait";
    }
}
