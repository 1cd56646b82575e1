package dev.svcalias.app.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.NamespaceCreate;
import dev.svcalias.plan.Plan;
import dev.svcalias.testing.InMemoryCluster;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The coredns and istio modes' writes roll back with messages naming each object and what it points at. */
class ObjectWritesUndoTest {
    private static final ConfigMapRef KUBE_DNS = ClusterLayout.defaults().kubeDnsCorefile();
    private static final AliasService ALIAS = new AliasService("svcalias-aliases", "my-fruits", null,
            "fruits-api-service.micro-shake-factory.svc.cluster.local", Map.of(), Map.of());

    private InMemoryCluster cluster;
    private Plan plan;

    @BeforeEach
    void plan() {
        cluster = new InMemoryCluster().corefile(KUBE_DNS, ".:53 {\n    forward . /etc/resolv.conf\n}\n");
        var read = cluster.configMap(KUBE_DNS).orElseThrow();
        plan = Plan.of(new NamespaceCreate("svcalias-aliases", Map.of(), "create"),
                new AliasServicePut(ALIAS, null, "create"),
                new CorefileChange(read, read.corefile() + "# more\n", t -> t + "# more\n", "edit", false));
    }

    @Test
    void aFailedLaterWriteUndoesEachObjectAndNamesIt() {
        cluster.failWhen(c -> c.equals("write " + KUBE_DNS));
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(plan))
                .hasMessageContaining("rolled back: created service svcalias-aliases/my-fruits (deleted again), "
                        + "created namespace svcalias-aliases (deleted again); nothing was left changed");
        assertThat(cluster.aliasServices().list("svcalias-aliases")).isEmpty();
        assertThat(cluster.aliasServices().namespaceLabels("svcalias-aliases")).isEmpty();
    }

    @Test
    void anAliasServiceChangedByOthersAfterTheWriteIsNotDeletedAndIsNamedAsLeft() {
        cluster.failWhen(c -> {
            if (c.equals("write " + KUBE_DNS)) { // someone re-points the new Service before the rollback
                AliasService ours = cluster.aliasServices().list("svcalias-aliases").get(0);
                cluster.aliasServices().apply(new AliasService(ours.namespace(), ours.name(), null, "elsewhere.example",
                        Map.of(), Map.of()), ours.resourceVersion());
                return true;
            }
            return false;
        });
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(plan))
                .hasMessageContaining("LEFT CHANGED: service svcalias-aliases/my-fruits was created and is still "
                        + "there (it points at fruits-api-service.micro-shake-factory.svc.cluster.local)")
                .hasMessageNotContaining("nothing was left changed");
        assertThat(cluster.aliasServices().list("svcalias-aliases")).singleElement()
                .satisfies(s -> assertThat(s.externalName()).isEqualTo("elsewhere.example"));
    }
}
