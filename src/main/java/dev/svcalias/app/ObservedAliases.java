package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.ServiceEntryObject;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What apply compares a file with, read with one list call per kind and the three calls at once: kube-dns's
 * Corefile (cluster domain, svcalias's zones), every ServiceEntry, every Service.
 */
public record ObservedAliases(String clusterDomain, List<String> zones, List<ServiceEntryObject> entries,
                              Map<String, ServiceInfo> services) {

    public static ObservedAliases read(Cluster cluster, ClusterLayout layout) {
        List<Object> r = Parallel.map(List.<java.util.function.Supplier<?>>of(
                () -> cluster.corefiles().read(layout.kubeDnsCorefile()),
                () -> cluster.serviceEntries().listAllObjects(),
                () -> cluster.services().listAll()), 3, java.util.function.Supplier::get);
        @SuppressWarnings("unchecked") Optional<CorefileSnapshot> kubeDns = (Optional<CorefileSnapshot>) r.get(0);
        @SuppressWarnings("unchecked") List<ServiceEntryObject> entries = (List<ServiceEntryObject>) r.get(1);
        @SuppressWarnings("unchecked") List<ServiceInfo> services = (List<ServiceInfo>) r.get(2);
        String corefile = kubeDns.orElseThrow(() -> SvcaliasException.state(layout.kubeDnsCorefile()
                + " not found: this cluster does not run CoreDNS as its cluster DNS",
                "pass --kube-dns-configmap NAMESPACE/NAME if CoreDNS's ConfigMap has another name")).corefile();
        String clusterDomain = Corefiles.clusterDomain(corefile).orElse(DnsChain.DEFAULT_CLUSTER_DOMAIN);
        List<String> zones = Corefiles.managedZones(corefile).stream()
                .filter(z -> z.kind() == ManagedZone.Kind.STUB_DOMAIN).map(ManagedZone::domain).toList();
        Map<String, ServiceInfo> byName = new HashMap<>();
        services.forEach(s -> byName.put(s.namespace() + "/" + s.name(), s));
        return new ObservedAliases(clusterDomain, zones, entries, byName);
    }

    public Optional<ServiceInfo> service(String namespace, String name) {
        return Optional.ofNullable(services.get(namespace + "/" + name));
    }
}
