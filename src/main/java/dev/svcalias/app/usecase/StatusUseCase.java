package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.mode.SetupFacts;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.app.zone.PlatformSetup;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import java.util.ArrayList;
import java.util.List;

/** svcalias status: what is configured, which versions, which aliases, and every problem found statically. */
public final class StatusUseCase {
    private final Cluster cluster;

    public StatusUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * A zone istiocoredns routes while kube-dns has no block for it: what an init interrupted between its two
     * Corefile writes leaves (the rollback failed too). Shown as a zone, with what finishes or undoes it.
     */
    private static void halfSetUp(DnsChain chain, List<StatusResult.Zone> zones, List<String> problems) {
        for (ManagedZone route : chain.istio().map(s -> Corefiles.managedZones(s.corefile())).orElse(List.of())) {
            if (chain.zone(route.domain()).isEmpty()) {
                zones.add(new StatusResult.Zone(route.domain(), Mode.recordedIn(chain, route.domain()).name().cliName, "",
                        route.upstream()));
                problems.add("zone " + route.domain() + " is half set up: istiocoredns routes it, but "
                        + chain.layout().kubeDnsCorefile() + " has no svcalias block for it (an interrupted init); "
                        + "run 'svcalias init --domain " + route.domain() + "' to finish it, or 'svcalias reset "
                        + "--domain " + route.domain() + "' to undo it");
            }
        }
    }

    public StatusResult run(ClusterLayout layout) {
        DnsChain chain = DnsChain.read(cluster, layout, true);
        List<String> problems = new ArrayList<>();
        List<StatusResult.Zone> zones = new ArrayList<>();
        for (ManagedZone zone : chain.zones()) {
            Mode mode = Mode.recordedIn(chain, zone.domain());
            problems.addAll(mode.chainProblems(cluster, chain, zone.domain()));
            zones.add(new StatusResult.Zone(zone.domain(), mode.name().cliName, zone.upstream(),
                    chain.istioRoute(zone.domain()).map(ManagedZone::upstream).orElse("")));
        }
        halfSetUp(chain, zones, problems);
        SetupFacts facts = SetupFacts.detect(cluster, layout, chain);
        List<AliasView> aliases = AliasView.load(cluster);
        aliases.stream().filter(a -> !a.inSync()).forEach(a -> problems.add(a.host() + ": " + a.problem()));
        for (ManagedZone zone : chain.zones()) { // istio mode: a missing or misdirected VirtualService
            List<AliasView> inZone = aliases.stream().filter(a -> a.host().endsWith("." + zone.domain())).toList();
            Mode.recordedIn(chain, zone.domain()).aliases(cluster).problems(inZone, chain.clusterDomain())
                    .forEach((host, problem) -> problems.add(host + ": " + problem));
        }
        String kubeDnsImage = cluster.services().deploymentImage(layout.kubeDnsNamespace(),
                layout.kubeDnsDeployment(), null).orElse("");
        String istioImage = cluster.services().deploymentImage(layout.istioNamespace(),
                layout.istioCorednsDeployment(), layout.istioCorednsContainer()).orElse("");
        PlatformSetup platform = chain.platform();
        platform.refusal().ifPresent(r -> problems.add(r.getMessage() + "; fix: " + r.hint()));
        if (zones.isEmpty() && platform.refusal().isEmpty()) {
            problems.add("no zone configured: run 'svcalias init --domain internal'"
                    + (aliases.isEmpty() ? "" : "; the aliases below are left from a zone that is gone: "
                    + "'svcalias alias remove NAME' removes one"));
        }
        problems.addAll(platform.warnings());
        return new StatusResult(cluster.describe(), chain.clusterDomain(), zones,
                chain.platform().corefile().map(c -> Corefiles.hasReload(c.corefile())).orElse(true), // no CoreDNS Corefile (GKE kube-dns)
                chain.istio().map(s -> Corefiles.hasReload(s.corefile())).orElse(true), // nothing to reload: no complaint
                kubeDnsImage, istioImage, chain.istiocorednsIp().orElse(""), aliases, problems, facts.evidence(),
                facts.auto().cliName, PlatformView.of(platform));
    }
}
