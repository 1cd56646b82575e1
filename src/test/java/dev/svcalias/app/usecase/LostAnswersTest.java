package dev.svcalias.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes that land but whose answer is lost (the connection breaks after the request went out): svcalias reads
 * the object back and counts the write as done, so it is neither reported as "not done" nor left out of a
 * rollback; what someone else changed meanwhile is named.
 */
class LostAnswersTest {
    private static final ClusterLayout LAYOUT = ClusterLayout.defaults();
    private static final ConfigMapRef KUBE_DNS = LAYOUT.kubeDnsCorefile();
    private static final String HOME = "micro-shake-factory/my-fruits.internal";

    private InMemoryCluster cluster;

    @BeforeEach
    void recipe() {
        cluster = new InMemoryCluster()
                .corefile(KUBE_DNS, RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .corefile(LAYOUT.istioCorefile(), RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"))
                .service("istio-system", "istiocoredns", "10.96.100.53")
                .service("micro-shake-factory", "fruits-api-service", "10.103.1.1");
        new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT));
        new AliasAddUseCase(cluster).run(new AliasRequest("my-fruits", "fruits-api-service.micro-shake-factory",
                null, null, false, false, LAYOUT));
    }

    private CorefileChange comment(String line) {
        var read = cluster.configMap(KUBE_DNS).orElseThrow();
        return new CorefileChange(read, read.corefile() + line, t -> t + line, "edit", false);
    }

    private ServiceEntryRecord entry() {
        return cluster.serviceEntryList().stream().filter(e -> (e.namespace() + "/" + e.name()).equals(HOME))
                .findFirst().orElseThrow();
    }

    /** The alias's manifest under another name: a ServiceEntry that does not exist yet. */
    private Map<String, Object> newEntry(String name) {
        Map<String, Object> manifest = new LinkedHashMap<>(entry().manifest());
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) manifest.get("metadata"));
        meta.put("name", name);
        manifest.put("metadata", meta);
        return manifest;
    }

    @Test
    void aCorefileWriteThatLandedIsDone() {
        cluster.loseAnswerWhen(c -> c.equals("write " + KUBE_DNS));
        CorefileChange change = comment("# ours\n");
        new PlanApplier(cluster).apply(Plan.of(change));
        assertThat(cluster.configMap(KUBE_DNS).orElseThrow().corefile()).isEqualTo(change.after());
    }

    @Test
    void aLandedWriteIsRolledBackAndNamedWhenALaterWriteFails() {
        String before = cluster.configMap(KUBE_DNS).orElseThrow().corefile();
        cluster.loseAnswerWhen(c -> c.equals("write " + KUBE_DNS))
                .failWhen(c -> c.startsWith("create serviceentry"));
        Plan plan = Plan.of(comment("# ours\n"), new ServiceEntryPut(newEntry("other.internal"), null, "create"));
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(plan))
                .hasMessageContaining("rolled back: wrote " + KUBE_DNS + " (put back)")
                .hasMessageEndingWith("nothing was left changed");
        assertThat(cluster.configMap(KUBE_DNS).orElseThrow().corefile()).isEqualTo(before);
    }

    @Test
    void aServiceEntryCreateAndDeleteThatLandedAreDone() {
        cluster.loseAnswerWhen(c -> c.startsWith("create serviceentry") || c.startsWith("delete serviceentry"));
        new PlanApplier(cluster).apply(Plan.of(new ServiceEntryPut(newEntry("juice.internal"), null, "create"),
                new ServiceEntryDelete(entry(), "delete")));
        assertThat(cluster.serviceEntryList()).extracting(e -> e.namespace() + "/" + e.name())
                .containsExactly("micro-shake-factory/juice.internal");
    }

    @Test
    void aWriteOverwrittenBeforeTheReadBackIsNamedAsChangedBySomeoneElse() {
        cluster.loseAnswerWhen(c -> {
            if (c.equals("write " + KUBE_DNS)) {
                cluster.editBehindTheBack(KUBE_DNS, "# someone else's\n.:53 {\n}\n");
                return true;
            }
            return false;
        });
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(Plan.of(comment("# ours\n"))))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
                    assertThat(e.getMessage()).contains("the answer to the write of " + KUBE_DNS + " was lost")
                            .contains("holds a Corefile svcalias did not write");
                });
    }
}
