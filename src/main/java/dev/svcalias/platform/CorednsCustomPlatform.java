package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.error.SvcaliasException;

/**
 * A platform that owns kube-system/coredns and imports {@code *.server} files from the ConfigMap
 * kube-system/coredns-custom (AKS, k3s): svcalias writes its block there. Subclasses say how to recognise them.
 */
abstract class CorednsCustomPlatform implements Platform {
    private final String name;

    /** @param name the platform as messages name it ("AKS", "k3s") */
    CorednsCustomPlatform(String name) {
        this.name = name;
    }

    @Override
    public final ZoneTarget target(ClusterFacts facts, DnsLayout layout) {
        ConfigMapRef managed = layout.corefile();
        if (CorefileFacts.serverImport(facts, managed).isEmpty()) {
            throw SvcaliasException.state(name + "'s Corefile in " + managed + " does not import *.server files "
                    + "from kube-system/coredns-custom, and the platform overwrites direct edits of it",
                    "upgrade to a release whose Corefile has 'import .../custom/*.server', or pass --platform "
                    + "kubeadm if you own that Corefile");
        }
        return new ZoneTarget.CustomServerKey(new ConfigMapRef(WellKnown.KUBE_SYSTEM, WellKnown.COREDNS_CUSTOM),
                managed);
    }
}
