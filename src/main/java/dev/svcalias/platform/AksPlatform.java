package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.error.SvcaliasException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AKS reconciles kube-system/coredns and imports {@code custom/*.server} (relative to /etc/coredns) from the
 * ConfigMap kube-system/coredns-custom, which it creates with {@code addonmanager.kubernetes.io/mode:
 * EnsureExists}: svcalias writes its block there and leaves the managed Corefile alone.
 */
final class AksPlatform implements Platform {
    static final String AZURE_LABELS = "kubernetes.azure.com/";

    @Override
    public PlatformId id() {
        return PlatformId.AKS;
    }

    @Override
    public List<Evidence> evidence(ClusterFacts facts, DnsLayout layout) {
        List<Evidence> azure = new ArrayList<>();
        facts.nodeWithProvider("azure://").ifPresent(azure::add);
        facts.nodeWithLabelPrefix(AZURE_LABELS).ifPresent(azure::add);
        facts.deployment(layout.corefile().namespace(), layout.deployment())
                .flatMap(d -> d.metadataWithPrefix(AZURE_LABELS)).ifPresent(m -> azure.add(new Evidence(
                        "deployment " + layout.corefile().namespace() + "/" + layout.deployment(), m)));
        if (azure.isEmpty()) {
            return List.of();
        }
        Optional<String> imported = CorefileFacts.serverImport(facts, layout.corefile());
        boolean custom = facts.configMap(WellKnown.KUBE_SYSTEM, WellKnown.COREDNS_CUSTOM).isPresent();
        if (imported.isEmpty() && !custom) {
            return List.of(); // a self-managed cluster on Azure VMs: CoreDNS's Corefile is the cluster's own
        }
        List<Evidence> all = new ArrayList<>(azure);
        imported.ifPresent(p -> all.add(CorefileFacts.importEvidence(layout.corefile(), p)));
        if (custom) {
            all.add(new Evidence("configmap kube-system/coredns-custom", "exists"));
        }
        return all;
    }

    @Override
    public ZoneTarget target(ClusterFacts facts, DnsLayout layout) {
        return customServerTarget(facts, layout.corefile(), "AKS");
    }

    /** coredns-custom when the managed Corefile imports {@code *.server}, else exit 5 (the edit would not load). */
    static ZoneTarget customServerTarget(ClusterFacts facts, ConfigMapRef managed, String platform) {
        if (CorefileFacts.serverImport(facts, managed).isEmpty()) {
            throw SvcaliasException.state(platform + "'s Corefile in " + managed + " does not import *.server files "
                    + "from kube-system/coredns-custom, and the platform overwrites direct edits of it",
                    "upgrade to a release whose Corefile has 'import .../custom/*.server', or pass --platform "
                    + "kubeadm if you own that Corefile");
        }
        return new ZoneTarget.CustomServerKey(new ConfigMapRef(WellKnown.KUBE_SYSTEM, WellKnown.COREDNS_CUSTOM),
                managed);
    }
}
