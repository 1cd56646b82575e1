package dev.svcalias.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.alias.AliasPlan;
import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.alias.IstioAliases;
import dev.svcalias.app.alias.ResolvedAlias;
import dev.svcalias.app.mode.ModeName;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * istio mode's three writes per alias (ExternalName Service, VirtualService, ServiceEntry) are all or nothing:
 * whichever fails, the earlier ones are undone, conditional on what was written.
 */
class IstioRollbackTest {
    private static final ClusterLayout LAYOUT = ClusterLayout.defaults();
    private static final String ROUTE = "micro-shake-factory/my-fruits.internal";
    private InMemoryCluster cluster;

    @BeforeEach
    void istioMode() {
        cluster = new InMemoryCluster()
                .corefile(LAYOUT.kubeDnsCorefile(), RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .service("micro-shake-factory", "fruits-api-service", "10.103.1.1")
                .service("juice-bar", "juice-api", "10.103.2.2");
        new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT, ModeName.ISTIO));
    }

    private AliasResult add(String target, boolean force) {
        return new AliasAddUseCase(cluster).run(new AliasRequest("my-fruits", target, null, null, force, false,
                LAYOUT));
    }

    private List<String> aliases() {
        return AliasView.load(cluster).stream().map(a -> a.host() + "->" + a.target()).toList();
    }

    @Test
    void aFailedServiceEntryCreateDeletesTheRouteAndTheServiceAgain() {
        cluster.failWhen(c -> c.startsWith("create serviceentry"));
        assertThatThrownBy(() -> add("fruits-api-service.micro-shake-factory", false))
                .isInstanceOf(SvcaliasException.class)
                .hasMessageContaining("writing serviceentry " + ROUTE + " failed")
                .hasMessageContaining("created virtualservice " + ROUTE + " (deleted again)")
                .hasMessageEndingWith("nothing was left changed");
        assertThat(cluster.virtualServiceMap()).isEmpty();
        assertThat(cluster.serviceEntryList()).isEmpty();
        assertThat(aliases()).isEmpty();
        assertThat(cluster.calls()).contains("delete virtualservice " + ROUTE);
    }

    @Test
    void aFailedRouteCreateLeavesNothing() {
        cluster.failWhen(c -> c.startsWith("create virtualservice"));
        assertThatThrownBy(() -> add("fruits-api-service.micro-shake-factory", false))
                .hasMessageContaining("writing virtualservice " + ROUTE + " failed")
                .hasMessageEndingWith("nothing was left changed");
        assertThat(aliases()).isEmpty();
        assertThat(cluster.serviceEntryList()).isEmpty();
    }

    @Test
    void aFailedRemoveReCreatesTheDeletedRouteAndEntryFromWhatWasRead() {
        add("fruits-api-service.micro-shake-factory", false);
        Map<String, Object> before = cluster.virtualServiceMap().get(ROUTE).manifest();
        cluster.failWhen(c -> c.startsWith("delete service svcalias-aliases/"));
        assertThatThrownBy(() -> new AliasRemoveUseCase(cluster).run("my-fruits", null, false, false, LAYOUT))
                .hasMessageContaining("deleted virtualservice " + ROUTE + " (re-created)")
                .hasMessageEndingWith("nothing was left changed");
        assertThat(cluster.virtualServiceMap().get(ROUTE).manifest().get("spec")).isEqualTo(before.get("spec"));
        assertThat(cluster.serviceEntryList()).hasSize(1);
    }

    @Test
    void aReplacedRouteIsPutBackWhenTheEntryWriteFailsAndAConcurrentEditIsNeverOverwritten() {
        cluster.service("micro-shake-factory", "veggies", "10.103.1.7");
        add("fruits-api-service.micro-shake-factory", false);
        Object spec = cluster.virtualServiceMap().get(ROUTE).spec();
        cluster.failWhen(c -> c.startsWith("replace serviceentry"));
        assertThatThrownBy(() -> add("veggies.micro-shake-factory", true))
                .hasMessageContaining("replaced virtualservice " + ROUTE + " (restored)");
        assertThat(cluster.virtualServiceMap().get(ROUTE).spec()).isEqualTo(spec);
        cluster.healed();

        // someone edits the route between svcalias's read and its write: the write is refused, the edit kept
        ResolvedAlias veggies = new ResolvedAlias("my-fruits", "internal", "my-fruits.internal",
                new TargetRef("veggies", "micro-shake-factory"),
                cluster.services().service("micro-shake-factory", "veggies").orElseThrow(), "cluster.local");
        AliasPlan plan = new IstioAliases(cluster).put(veggies, true);
        Map<String, Object> theirs = Map.of("hosts", List.of("my-fruits.internal"));
        cluster.editVirtualService(ROUTE, theirs);
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(plan.plan()))
                .hasMessageContaining("virtualservice " + ROUTE + " was created or changed by someone else");
        assertThat(cluster.virtualServiceMap().get(ROUTE).spec()).isEqualTo(theirs);

        // a drifted route is put right by the next alias add, without --force
        assertThat(add("fruits-api-service.micro-shake-factory", false).status()).isEqualTo("updated");
        assertThat(cluster.virtualServiceMap().get(ROUTE).spec()).isEqualTo(spec);
    }
}
