package dev.svcalias.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * k3s deploys kube-system/coredns from a packaged manifest (objectset.rio.cattle.io annotations) and re-applies
 * it at every server start; since v1.21 its Corefile imports /etc/coredns/custom/*.server from the optional
 * ConfigMap kube-system/coredns-custom. svcalias writes there.
 */
final class K3sPlatform extends CorednsCustomPlatform {
    static final String OBJECTSET = "objectset.rio.cattle.io/";

    K3sPlatform() {
        super("k3s");
    }

    @Override
    public PlatformId id() {
        return PlatformId.K3S;
    }

    @Override
    public List<Evidence> evidence(ClusterFacts facts, DnsLayout layout) {
        List<Evidence> found = new ArrayList<>();
        facts.nodeWithProvider("k3s://").ifPresent(found::add);
        facts.configMap(layout.corefile().namespace(), layout.corefile().name())
                .flatMap(c -> c.metadataWithPrefix(OBJECTSET))
                .ifPresent(m -> found.add(new Evidence(layout.corefile().toString(), m)));
        if (found.isEmpty()) {
            return List.of();
        }
        CorefileFacts.serverImport(facts, layout.corefile())
                .ifPresent(p -> found.add(CorefileFacts.importEvidence(layout.corefile(), p)));
        return found;
    }
}
