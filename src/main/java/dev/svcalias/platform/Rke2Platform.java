package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.error.SvcaliasException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RKE2 runs CoreDNS from its rke2-coredns Helm chart (Deployment and ConfigMap rke2-coredns-rke2-coredns);
 * helm-controller re-renders the Corefile from the chart values, so a direct edit does not last. svcalias writes
 * to coredns-custom when the chart was configured (HelmChartConfig) to import it, and otherwise refuses with
 * the HelmChartConfig that sets that up (docs/decisions.md "Platforms").
 */
final class Rke2Platform implements Platform {
    static final ConfigMapRef COREFILE = new ConfigMapRef(WellKnown.KUBE_SYSTEM, WellKnown.RKE2_COREDNS);

    @Override
    public PlatformId id() {
        return PlatformId.RKE2;
    }

    @Override
    public List<Evidence> evidence(ClusterFacts facts, DnsLayout layout) {
        List<Evidence> found = new ArrayList<>();
        facts.deployment(WellKnown.KUBE_SYSTEM, WellKnown.RKE2_COREDNS).ifPresent(d -> found.add(new Evidence(
                d.ref(), "exists" + d.label("helm.sh/chart").map(c -> ", chart " + c).orElse(""))));
        facts.configMap(WellKnown.KUBE_SYSTEM, WellKnown.RKE2_COREDNS).ifPresent(c -> found.add(new Evidence(
                c.ref(), "exists" + c.annotation("meta.helm.sh/release-name").map(r -> ", Helm release " + r)
                .orElse(""))));
        if (found.isEmpty()) {
            return List.of();
        }
        facts.nodeWithProvider("rke2://").ifPresent(found::add);
        return found;
    }

    @Override
    public Optional<ConfigMapRef> corefile(ClusterFacts facts, DnsLayout layout) {
        return Optional.of(layout.isDefault() ? COREFILE : layout.corefile());
    }

    @Override
    public ZoneTarget target(ClusterFacts facts, DnsLayout layout) {
        ConfigMapRef managed = corefile(facts, layout).orElseThrow();
        if (CorefileFacts.serverImport(facts, managed).isEmpty()) {
            throw SvcaliasException.state("RKE2's Corefile in " + managed + " is rendered by the rke2-coredns chart "
                    + "and does not import kube-system/coredns-custom, so an edit would be reverted",
                    "make the chart import it with a HelmChartConfig kube-system/rke2-coredns whose valuesContent "
                    + "sets extraConfig.import.parameters=/etc/coredns/custom/*.server and mounts the ConfigMap "
                    + "coredns-custom (optional: true) at /etc/coredns/custom via extraVolumes/extraVolumeMounts, "
                    + "then run svcalias init again");
        }
        return new ZoneTarget.CustomServerKey(new ConfigMapRef(WellKnown.KUBE_SYSTEM, WellKnown.COREDNS_CUSTOM),
                managed);
    }
}
