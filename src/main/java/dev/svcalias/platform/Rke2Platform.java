package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RKE2 runs CoreDNS from its rke2-coredns Helm chart (Deployment and ConfigMap rke2-coredns-rke2-coredns);
 * helm-controller re-renders the Corefile from the chart values, so a direct edit does not last. svcalias writes
 * its block to coredns-custom and, unless the chart already imports it, makes the chart import it through the
 * HelmChartConfig kube-system/rke2-coredns (docs/adr/0041-rke2-chart-imports-coredns-custom.md).
 */
final class Rke2Platform implements Platform {
    /** The HelmChartConfig RKE2 documents for customising its packaged rke2-coredns chart. */
    public static final String HELM_CHART_CONFIG = "rke2-coredns";
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
        boolean imports = CorefileFacts.serverImport(facts, managed).isPresent();
        return new ZoneTarget.ChartImport(new ZoneTarget.CustomServerKey(new ConfigMapRef(WellKnown.KUBE_SYSTEM,
                WellKnown.COREDNS_CUSTOM), managed), WellKnown.KUBE_SYSTEM, HELM_CHART_CONFIG, imports);
    }
}
