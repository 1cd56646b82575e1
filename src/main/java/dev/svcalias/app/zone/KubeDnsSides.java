package dev.svcalias.app.zone;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.platform.ClusterFacts;
import dev.svcalias.platform.PlatformId;
import dev.svcalias.platform.RevertingManagers;
import dev.svcalias.platform.ZoneTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link KubeDnsSide} for a platform's target, after checking no manager reverts what it writes. */
final class KubeDnsSides implements ZoneTarget.Visitor<KubeDnsSide> {
    private final Cluster cluster;
    private final ClusterFacts facts;
    private final Optional<CorefileSnapshot> corefile;
    private final boolean restoreBackup;
    private final List<String> warnings;
    private final PlatformId platform;

    private KubeDnsSides(Cluster cluster, ClusterFacts facts, Optional<CorefileSnapshot> corefile,
                         boolean restoreBackup, List<String> warnings, PlatformId platform) {
        this.cluster = cluster;
        this.facts = facts;
        this.corefile = corefile;
        this.restoreBackup = restoreBackup;
        this.warnings = warnings;
        this.platform = platform;
    }

    static KubeDnsSide of(Cluster cluster, ZoneTarget target, ClusterFacts facts, Optional<CorefileSnapshot> corefile,
                          boolean restoreBackup, List<String> warnings, PlatformId platform) {
        return target.accept(new KubeDnsSides(cluster, facts, corefile, restoreBackup, warnings, platform));
    }

    @Override
    public KubeDnsSide corefileBlock(ZoneTarget.CorefileBlock block) {
        CorefileSnapshot snapshot = corefile.filter(c -> c.ref().equals(block.corefile()))
                .or(() -> cluster.corefiles().read(block.corefile()))
                .orElseThrow(() -> SvcaliasException.state(block.corefile() + " not found: this cluster does not "
                        + "run CoreDNS with its Corefile there", "pass --kube-dns-configmap NAMESPACE/NAME, or "
                        + "--platform if detection picked the wrong platform (see svcalias status)"));
        warnings.addAll(RevertingManagers.check(facts.configMap(block.corefile().namespace(),
                block.corefile().name()), "use the platform's supported route (svcalias status shows the "
                + "detected platform; --platform aks or k3s writes coredns-custom where the Corefile imports it)"));
        return new CorefileSide(snapshot, restoreBackup, platform);
    }

    @Override
    public KubeDnsSide chartImport(ZoneTarget.ChartImport chart) {
        CustomServerSide keys = customServerKey(chart.key());
        return new ChartImportSide(cluster, chart, keys, facts.configMap(chart.key().custom().namespace(),
                chart.key().custom().name()).map(o -> o.data()).orElse(Map.of()));
    }

    @Override
    public CustomServerSide customServerKey(ZoneTarget.CustomServerKey custom) {
        CorefileSnapshot managed = corefile.filter(c -> c.ref().equals(custom.managed()))
                .or(() -> cluster.corefiles().read(custom.managed()))
                .orElseThrow(() -> SvcaliasException.state(custom.managed() + " not found",
                        "pass --kube-dns-configmap NAMESPACE/NAME for the Corefile that imports coredns-custom"));
        warnings.addAll(RevertingManagers.check(facts.configMap(custom.custom().namespace(),
                custom.custom().name()), "remove the manager's ownership of " + custom.custom()));
        Map<String, String> data = facts.configMap(custom.custom().namespace(), custom.custom().name())
                .map(o -> o.data()).orElse(Map.of());
        return new CustomServerSide(cluster, custom, managed, data, platform);
    }

    @Override
    public KubeDnsSide stubDomains(ZoneTarget.StubDomains stub) {
        warnings.addAll(RevertingManagers.check(facts.configMap(stub.configMap().namespace(),
                stub.configMap().name()), "kube-dns's ConfigMap should be EnsureExists; edit stubDomains by hand"));
        return new StubDomainsSide(cluster, stub.configMap(), platform);
    }

    @Override
    public KubeDnsSide operatorServers(ZoneTarget.OperatorServers operator) {
        return new OperatorSide(cluster, operator.name(), corefile.map(CorefileSnapshot::corefile)
                .orElse(".:5353 {\n}\n"));
    }
}
