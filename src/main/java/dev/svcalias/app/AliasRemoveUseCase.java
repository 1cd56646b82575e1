package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import java.util.Optional;

/** svcalias alias remove NAME: deletes the ServiceEntry svcalias created for NAME.DOMAIN. */
public final class AliasRemoveUseCase {
    private final Cluster cluster;

    public AliasRemoveUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    public AliasResult run(String name, String requestedDomain, boolean ignoreNotFound, boolean dryRun,
                           ClusterLayout layout) {
        DnsChain chain = DnsChain.read(cluster, layout);
        String domain = chain.domain(requestedDomain);
        String host = DomainRules.aliasHost(name, domain);
        Optional<ServiceEntryRecord> entry = cluster.serviceEntries().listManaged().stream()
                .filter(e -> e.hosts().contains(host)).findFirst();
        if (entry.isEmpty()) {
            if (ignoreNotFound) {
                return new AliasResult(name, host, "", "", "", "not found", Plan.of());
            }
            throw SvcaliasException.usage("alias " + host + " does not exist", "see 'svcalias alias list', or pass "
                    + "--ignore-not-found to make this a no-op");
        }
        ServiceEntryRecord e = entry.get();
        Plan plan = Plan.of(new ServiceEntryDelete(e, "removed"));
        if (!dryRun) {
            new PlanApplier(cluster).apply(plan);
        }
        return new AliasResult(name, host, ManagedLabels.target(e), String.join(",", e.addresses()), e.namespace(),
                dryRun ? "removed (dry run)" : "removed", plan);
    }
}
