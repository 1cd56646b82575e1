package dev.svcalias.app.alias;

import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.NamespaceDelete;
import java.util.ArrayList;
import java.util.List;

/**
 * reset --aliases for the coredns and istio modes: the ExternalName Services svcalias made, and then its
 * namespace, if svcalias created it and nothing else is left in it.
 */
public final class AliasNamespaceReset {
    private AliasNamespaceReset() {}

    public static List<Change> changes(Cluster cluster, String domain) {
        String ns = ExternalNameAliases.NAMESPACE;
        var labels = cluster.aliasServices().namespaceLabels(ns);
        if (labels.isEmpty()) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        boolean othersLeft = false;
        for (AliasService s : cluster.aliasServices().list(ns)) {
            String zone = ExternalNameAliases.zoneOf(s);
            if (ExternalNameAliases.managed(s) && (domain == null || domain.equals(zone))) {
                changes.add(new AliasServiceDelete(s, "deleted alias " + ExternalNameAliases.host(s)));
            } else {
                othersLeft = true;
            }
        }
        if (!othersLeft && ManagedLabels.MANAGER.equals(labels.get().get(ManagedLabels.MANAGED_BY))) {
            changes.add(new NamespaceDelete(ns, "deleted (svcalias created it; nothing else is in it)"));
        }
        return changes;
    }
}
