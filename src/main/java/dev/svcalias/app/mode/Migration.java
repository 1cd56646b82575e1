package dev.svcalias.app.mode;

import dev.svcalias.app.alias.AliasBackend;
import dev.svcalias.app.alias.AliasServiceNames;
import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.alias.ResolvedAlias;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves a zone from the mode that set it up to another: every alias is re-written by the new mode's backend,
 * istiocoredns's route is taken out of its Corefile if that still exists, the old mode's leftovers go last. The
 * writes are ordered so that each step leaves DNS working: new objects first, then kube-dns's Corefile (the
 * switch), then removals. The same run renames the Services an older svcalias named NAME alone (shared by every
 * zone) to the zone's own names ({@link AliasServiceNames}), also when the mode stays. PlanApplier undoes every earlier write when a later one fails. The kube-dns edit swaps
 * svcalias's region and never touches the backup annotation, which keeps the pre-svcalias original for reset.
 */
public final class Migration {
    private final List<Change> extra = new ArrayList<>();
    private int aliasCount;

    public Migration(Cluster cluster, DnsChain chain, String domain, Mode from, Mode to) {
        AliasBackend target = to.aliases(cluster);
        for (AliasView alias : from.aliases(cluster).list()) {
            if (!inZone(alias.host(), domain, chain)) {
                continue;
            }
            TargetRef ref = TargetRef.parse(alias.target(), null, chain.clusterDomain());
            ServiceInfo service = AliasView.targetService(cluster, alias.target()).orElseThrow(() ->
                    SvcaliasException.state("alias " + alias.host() + " points at " + alias.target() + ", which no "
                            + "longer exists, so it cannot be moved to " + to.name() + " mode",
                            "remove it first (svcalias alias remove " + alias.host() + "), then run init again"));
            String name = alias.host().substring(0, alias.host().length() - domain.length() - 1);
            extra.addAll(target.put(new ResolvedAlias(name, domain, alias.host(), ref, service, chain.clusterDomain()),
                    true).plan().changes());
            extra.addAll(to.leftoversOf(cluster, alias.host()));
            aliasCount++;
        }
        if (!to.routesThroughIstiocoredns()) {
            chain.istio().filter(s -> chain.istioRoute(domain).isPresent())
                    .ifPresent(s -> extra.add(istioRouteRemoval(s, domain)));
        }
    }

    /**
     * Whether the alias belongs to {@code domain} and not to a longer svcalias zone inside it (zone example must not
     * move zone corp.example's aliases).
     */
    private static boolean inZone(String host, String domain, DnsChain chain) {
        return host.endsWith("." + domain) && chain.zones().stream().map(z -> z.domain())
                .noneMatch(z -> z.length() > domain.length() && z.endsWith("." + domain) && host.endsWith("." + z));
    }

    public int aliasCount() {
        return aliasCount;
    }

    /** The mode's own setup changes merged with the migration's, in the safe order described above. */
    public List<Change> order(List<Change> setup) {
        List<Change> all = new ArrayList<>(setup);
        all.addAll(extra);
        all.sort(Comparator.comparing(Change::phase)); // stable: changes of one phase keep their order
        return all;
    }

    private static Change istioRouteRemoval(CorefileSnapshot istio, String domain) {
        String after = Corefiles.removeZone(istio.corefile(), domain);
        boolean original = istio.backup().map(after::equals).orElse(false);
        return new CorefileChange(istio, after, text -> Corefiles.removeZone(text, domain),
                "removed zone " + domain + " (istiocoredns is no longer used)", original);
    }
}
