package dev.svcalias.app.mode;

import dev.svcalias.app.alias.ResolvedAlias;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * The recipe's cluster in memory (kubeadm's Corefile, istiocoredns for Istio 1.4, the fruits Service) and what the
 * mode tests do with it: ask a mode for zone internal's setup, apply changes, name alias my-fruits.
 */
abstract class ModeCase {
    static final ClusterLayout LAYOUT = ClusterLayout.defaults();
    static final String FRUITS = "fruits-api-service.micro-shake-factory";

    final InMemoryCluster cluster = new InMemoryCluster()
            .corefile(LAYOUT.kubeDnsCorefile(), RecipeCluster.corpus("kubeadm-1.28.corefile"))
            .corefile(LAYOUT.istioCorefile(), RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"))
            .service("istio-system", "istiocoredns", "10.96.100.53")
            .service("micro-shake-factory", "fruits-api-service", "10.103.1.1");
    final List<String> warnings = new ArrayList<>();

    /** init's question to {@code mode} for zone internal, with the cluster as read now. */
    ModeSetup setUp(Mode mode, DnsChain chain) {
        return mode.setUp(new ZoneSetup(cluster, chain, "internal", LAYOUT, "1.6.2",
                SetupFacts.detect(cluster, LAYOUT, chain), chain.kubeDnsSide(), warnings));
    }

    ModeSetup setUp(ModeName mode) {
        return setUp(Mode.of(mode), DnsChain.read(cluster, LAYOUT, true));
    }

    void apply(List<Change> changes) {
        new PlanApplier(cluster).apply(new Plan(changes));
    }

    /** my-fruits.internal pointing at the fruits Service as it is now. */
    ResolvedAlias fruits() {
        TargetRef ref = TargetRef.parse(FRUITS, null, "cluster.local");
        ServiceInfo service = cluster.services().service(ref.namespace(), ref.name()).orElseThrow();
        return new ResolvedAlias("my-fruits", "internal", "my-fruits.internal", ref, service, "cluster.local");
    }

    static List<Class<?>> kinds(List<Change> changes) {
        return changes.stream().<Class<?>>map(Change::getClass).toList();
    }
}
