package dev.svcalias.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AKS reconciles kube-system/coredns and imports {@code custom/*.server} (relative to /etc/coredns) from the
 * ConfigMap kube-system/coredns-custom, which it creates with {@code addonmanager.kubernetes.io/mode:
 * EnsureExists}: svcalias writes its block there and leaves the managed Corefile alone.
 */
final class AksPlatform extends CorednsCustomPlatform {
    static final String AZURE_LABELS = "kubernetes.azure.com/";

    AksPlatform() {
        super("AKS");
    }

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
}
