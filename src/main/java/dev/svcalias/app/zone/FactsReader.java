package dev.svcalias.app.zone;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ObjectFacts;
import dev.svcalias.platform.ClusterFacts;
import dev.svcalias.platform.DnsLayout;
import dev.svcalias.platform.WellKnown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads what platform detection looks at: the well-known objects by name, nodes, and one discovery probe. */
final class FactsReader {
    private FactsReader() {}

    static ClusterFacts read(Cluster cluster, DnsLayout layout) {
        Set<String> served = new HashSet<>();
        for (String resource : WellKnown.resources()) {
            if (cluster.inventory().serves(resource)) {
                served.add(resource);
            }
        }
        List<ObjectFacts> objects = new ArrayList<>();
        for (WellKnown.Ref ref : new LinkedHashSet<>(WellKnown.objects(layout.corefile().namespace(),
                layout.corefile().name(), layout.deployment()))) {
            boolean openshiftOnly = ref.namespace().equals(WellKnown.OPENSHIFT_DNS_NAMESPACE);
            if (!openshiftOnly || served.contains(WellKnown.OPENSHIFT_DNS_RESOURCE)) {
                cluster.inventory().get(ref.kind(), ref.namespace(), ref.name()).ifPresent(objects::add);
            }
        }
        Set<String> namespaces = new HashSet<>();
        if (served.contains(WellKnown.OPENSHIFT_DNS_RESOURCE)) {
            for (String ns : WellKnown.namespaces()) {
                if (cluster.services().namespaceExists(ns)) {
                    namespaces.add(ns);
                }
            }
        }
        return new ClusterFacts(objects, cluster.inventory().nodes(), served, namespaces);
    }
}
