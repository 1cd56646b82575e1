package dev.svcalias.app.zone;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.Plan;
import dev.svcalias.platform.ClusterFacts;
import dev.svcalias.platform.Detection;
import dev.svcalias.platform.DnsLayout;
import dev.svcalias.platform.NodeLocalDns;
import dev.svcalias.platform.PlatformDetector;
import dev.svcalias.platform.PlatformId;
import dev.svcalias.platform.Platforms;
import dev.svcalias.platform.ZoneTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform as detected (or named by --platform) once per command, with where the cluster DNS's side of a
 * zone goes ({@link KubeDnsSide}), the Corefile CoreDNS reads (for the cluster domain and status), NodeLocal
 * DNSCache's Corefile when it runs, and what to warn about. A platform svcalias cannot configure keeps its
 * refusal here, so status can still show it while init/alias/verify/reset stop with it (exit 5).
 */
public record PlatformSetup(Detection detection, ClusterFacts facts, DnsLayout dnsLayout, Optional<CorefileSnapshot> corefile,
                     Optional<KubeDnsSide> maybeSide, Optional<SvcaliasException> refusal,
                     Optional<CorefileSnapshot> nodeLocal, List<String> warnings) {

    /**
     * Reads the platform's setup from the cluster.
     *
     * @param detect true for init and status: detect the platform from the cluster (a dozen GETs, the node list,
     *               a discovery probe); false for the other commands: read what init recorded
     *               ({@link RecordedPlatform}), detecting only when nothing is recorded. --platform always wins.
     */
    public static PlatformSetup read(Cluster cluster, ClusterLayout layout, boolean restoreBackup, boolean detect) {
        DnsLayout dnsLayout = new DnsLayout(layout.kubeDnsCorefile(), layout.kubeDnsDeployment());
        Optional<PlatformId> override = Optional.ofNullable(layout.platform()).map(p -> PlatformId.fromFlag(p)
                .orElseThrow(() -> SvcaliasException.usage("--platform " + p + " is not a platform svcalias knows",
                        "use one of: " + PlatformId.flags())));
        Optional<RecordedPlatform.Found> recorded = detect || override.isPresent() ? Optional.empty()
                : RecordedPlatform.read(cluster, dnsLayout);
        ClusterFacts facts = recorded.map(RecordedPlatform.Found::facts)
                .orElseGet(() -> FactsReader.read(cluster, dnsLayout));
        Detection detection = recorded.map(r -> new Detection(Platforms.byId(r.id()), List.of(r.evidence()), false,
                NodeLocalDns.detect(r.facts()))).orElseGet(() -> PlatformDetector.detect(facts, dnsLayout, override));
        Optional<CorefileSnapshot> corefile = detection.platform().corefile(facts, dnsLayout)
                .flatMap(ref -> cluster.corefiles().read(ref))
                .map(s -> restoreBackup ? s : DnsChain.checked(s)); // unparsable: exit 5 naming the ConfigMap
        List<String> warnings = new ArrayList<>();
        Optional<KubeDnsSide> side = Optional.empty();
        Optional<SvcaliasException> refusal = Optional.empty();
        try {
            ZoneTarget target = detection.platform().target(facts, dnsLayout);
            side = Optional.of(KubeDnsSides.of(cluster, target, facts, corefile, restoreBackup, warnings,
                    detection.id()));
            warnings.addAll(detection.platform().caveats(facts, dnsLayout));
        } catch (SvcaliasException e) {
            refusal = Optional.of(e);
        }
        boolean needsNodeLocal = side.isPresent() && NodeLocalZones.needed(side.get());
        Optional<CorefileSnapshot> nodeLocal = detection.nodeLocal().filter(n -> needsNodeLocal)
                .flatMap(n -> cluster.corefiles().read(n.corefile()));
        return new PlatformSetup(detection, facts, dnsLayout, corefile, side, refusal, nodeLocal, warnings);
    }

    /**
     * NodeLocal DNSCache sends only the cluster domain to kube-dns: when it runs, the zone goes in its Corefile too,
     * forwarding to kube-dns (init writes it last, the front of the chain).
     */
    public List<Change> nodeLocalZone(String domain) {
        return nodeLocal.map(nl -> List.of(NodeLocalZones.put(nl, domain,
                detection.nodeLocal().orElseThrow().forwardTo()))).orElse(List.of());
    }

    /** reset's removal of the zone from node-local-dns's Corefile, when it runs and routes the zone. */
    public Optional<Change> nodeLocalRemoval(String domain, List<String> notes) {
        return nodeLocal.flatMap(nl -> NodeLocalZones.remove(nl, domain, notes));
    }

    /**
     * On a platform that reverts edits to the Corefile: the command that keeps {@code plan}'s edit of it, for
     * init's warning; empty when the plan does not edit that Corefile or the platform has no such command.
     */
    public Optional<String> keepCommand(Plan plan) {
        return plan.effective().changes().stream().filter(c -> c instanceof CorefileChange cc
                        && corefile.map(k -> k.ref().equals(cc.before().ref())).orElse(false))
                .map(CorefileChange.class::cast).findFirst()
                .flatMap(c -> detection.platform().keepCommand(facts, c.after()));
    }

    /** Where the zone goes; the platform's refusal (exit 5) when svcalias cannot configure it. */
    public KubeDnsSide side() {
        return maybeSide.orElseThrow(() -> refusal.orElseThrow());
    }
}
