package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasPlan;
import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.plan.Plan;
import java.util.List;
import java.util.Optional;

/** svcalias alias remove NAME: deletes what the zone's mode wrote for NAME.DOMAIN. */
public final class AliasRemoveUseCase {
    private final Cluster cluster;

    public AliasRemoveUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    public AliasResult run(String name, String requestedDomain, boolean ignoreNotFound, boolean dryRun,
                           ClusterLayout layout) {
        DnsChain chain = DnsChain.read(cluster, layout);
        String domain = requestedDomain == null && chain.zones().isEmpty() ? leftoverZone(name, chain)
                : chain.domain(requestedDomain);
        String host = DomainRules.aliasHost(name, domain);
        Optional<AliasView> view = AliasView.load(cluster).stream().filter(a -> a.host().equals(host)).findFirst();
        Optional<AliasPlan> plan = Mode.recordedIn(chain, domain).removal(cluster, host);
        if (plan.isEmpty()) {
            if (ignoreNotFound) {
                return new AliasResult(name, host, "", "", "", "not found", Plan.of());
            }
            throw SvcaliasException.usage("alias " + host + " does not exist", "see 'svcalias alias list', or pass "
                    + "--ignore-not-found to make this a no-op");
        }
        if (!dryRun) {
            new PlanApplier(cluster).apply(plan.get().plan());
        }
        return new AliasResult(name, host, view.map(AliasView::target).orElse(""),
                view.map(AliasView::address).orElse(""), view.map(AliasView::namespace).orElse(""),
                dryRun ? "removed (dry run)" : "removed", plan.get().plan());
    }

    /**
     * With no zone left (reset without --aliases), the zone of the one alias NAME still stored, so that remove
     * works as it does with --domain; several are a usage error, none the usual "not set up".
     */
    private String leftoverZone(String name, DnsChain chain) {
        List<String> hosts = AliasView.load(cluster).stream().map(AliasView::host)
                .filter(h -> h.startsWith(name + ".")).toList();
        if (hosts.isEmpty()) {
            return chain.domain(null); // throws: svcalias is not set up
        }
        if (hosts.size() > 1) {
            throw SvcaliasException.usage("alias " + name + " is left in several zones (" + String.join(", ", hosts)
                    + ")", "pass --domain to say which");
        }
        return hosts.get(0).substring(name.length() + 1);
    }
}
