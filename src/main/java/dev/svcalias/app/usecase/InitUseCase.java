package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasServiceNames;
import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.mode.Migration;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.mode.ModeName;
import dev.svcalias.app.mode.ModeSetup;
import dev.svcalias.app.mode.SetupFacts;
import dev.svcalias.app.mode.ZoneSetup;
import dev.svcalias.app.write.KubeletNudge;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.app.zone.PlatformSetup;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * svcalias init: sets the zone up in the chosen mode (--mode, or detected: istiocoredns if it exists, else istio
 * if istiod exists, else coredns). When the zone was set up in another mode before (istiocoredns gone after an
 * Istio upgrade), the same run migrates it and every alias, all or nothing (see {@link Migration}).
 */
public final class InitUseCase {
    private final Cluster cluster;

    public InitUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * init --wait: the write, then {@code wait} until every CoreDNS replica answers the zone's aliases. A zone
     * without aliases has no name whose answer proves the block is served, so then only the chain is checked (what
     * verify checks without aliases), and a warning says so.
     */
    public Waited<InitResult> run(InitRequest request, EffectWait wait) {
        InitResult result = run(request);
        String domain = result.domain();
        if (AliasView.load(cluster).stream().noneMatch(a -> a.host().endsWith("." + domain))) {
            result.warnings().add("zone " + domain + " has no aliases yet, so --wait checked only the Corefile chain"
                    + " through the API; 'svcalias alias add --wait' waits until every CoreDNS replica answers");
        }
        String written = result.plan().effective().isEmpty() ? "zone " + domain + " was already set up (nothing "
                + "written)" : "zone " + domain + "'s set-up was written";
        String undo = result.migratedFrom().isEmpty() ? "svcalias reset --domain " + domain
                : "svcalias init --domain " + domain + " --mode " + result.migratedFrom();
        return new Waited<>(result, wait.await(cluster, request.layout(), domain, List.of(), written, undo));
    }

    public InitResult run(InitRequest request) {
        ClusterLayout layout = request.layout();
        DnsChain chain = DnsChain.read(cluster, layout, true);
        String domain = DomainRules.validateZone(request.domain(), chain.kubernetesZones());
        List<String> warnings = new ArrayList<>();
        CloudProviders.shadowWarning(domain, cluster.services().nodeProviderIds()).ifPresent(w -> {
            if (!request.force()) {
                throw SvcaliasException.usage(w, "pick another --domain, or pass --force if you accept that");
            }
            warnings.add(w + " (accepted with --force)");
        });

        // a root forward or a user's block for a parent or child zone would compete with svcalias's block: say so
        chain.platform().corefile().ifPresent(k -> Corefiles.overlaps(k.corefile(), domain)
                .forEach(o -> warnings.add(k.ref() + ", " + o)));
        chain.istio().ifPresent(s -> Corefiles.overlaps(s.corefile(), domain).forEach(o -> warnings.add(s.ref() + ", " + o)));
        SetupFacts facts = SetupFacts.detect(cluster, layout, chain);
        ModeName chosen = request.mode() == null ? facts.auto() : request.mode();
        Optional<ModeName> recorded = ModeName.recordedIn(chain, domain);
        Mode mode = Mode.of(chosen);
        ModeSetup setup = mode.setUp(new ZoneSetup(cluster, chain, domain, layout, request.corednsVersion(),
                facts, chain.kubeDnsSide(), warnings));
        List<Change> changes = new ArrayList<>(setup.changes());
        PlatformSetup platform = chain.platform();
        changes.addAll(platform.nodeLocalZone(domain)); // last: the front of the chain
        warnings.addAll(platform.warnings());
        int moved = 0;
        // a block an older svcalias wrote names alias Services NAME alone: the same mode migrates them to its names
        boolean olderNames = chain.zone(domain).map(z -> z.kind().aliasZone()
                && !z.serviceSuffix().equals(AliasServiceNames.suffix(domain))).orElse(false);
        if (recorded.isPresent() && (recorded.get() != chosen || olderNames)) {
            Migration migration = new Migration(cluster, chain, domain, Mode.of(recorded.get()), mode);
            changes = migration.order(changes);
            moved = migration.aliasCount();
        }
        Plan plan = new Plan(changes);
        boolean revertible = !platform.warnings().isEmpty() && !plan.isEmpty();
        if (revertible) {
            platform.keepCommand(plan).ifPresent(c -> warnings.add("to keep it, run: " + c));
        }

        List<String> restarts = new ArrayList<>();
        if (!plan.isEmpty() && !request.dryRun()) {
            new PlanApplier(cluster).apply(plan);
            KubeletNudge.afterWrites(cluster, plan, warnings);
        }
        reloadNotes(request, layout, plan, warnings, restarts);
        return new InitResult(domain, chain.clusterDomain(), setup.facts(), plan,
                request.dryRun(), warnings, restarts, chosen.cliName,
                recorded.filter(r -> r != chosen).map(r -> r.cliName).orElse(""), moved, facts.evidence(),
                platform.detection().id().flag(), revertible);
    }

    /** Without the reload plugin a Corefile change waits for the next pod restart: say so, restart on request. */
    private void reloadNotes(InitRequest request, ClusterLayout layout, Plan plan, List<String> warnings,
                             List<String> restarts) {
        for (Change c : plan.effective().changes()) {
            if (!(c instanceof CorefileChange cc)) {
                continue;
            }
            CorefileSnapshot snapshot = cc.before();
            boolean kubeDns = snapshot.ref().equals(layout.kubeDnsCorefile());
            if (!kubeDns && !snapshot.ref().equals(layout.istioCorefile())) {
                continue; // e.g. node-local-dns: not a Deployment svcalias may name or restart
            }
            String namespace = kubeDns ? layout.kubeDnsNamespace() : layout.istioNamespace();
            String deployment = kubeDns ? layout.kubeDnsDeployment() : layout.istioCorednsDeployment();
            if (Corefiles.hasReload(snapshot.corefile())) {
                continue;
            }
            String target = "deployment " + namespace + "/" + deployment;
            if (request.restart() && !request.dryRun()) {
                cluster.services().rolloutRestart(namespace, deployment);
                restarts.add(target);
            } else {
                warnings.add(snapshot.ref() + " has no 'reload' plugin: nothing changes until " + target
                        + " restarts; rerun with --restart to restart it");
            }
        }
    }
}
