package dev.svcalias.app.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.WriteGate;
import dev.svcalias.app.usecase.AliasAddUseCase;
import dev.svcalias.app.usecase.AliasRequest;
import dev.svcalias.app.usecase.AliasResult;
import dev.svcalias.app.usecase.InitRequest;
import dev.svcalias.app.usecase.InitUseCase;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PlanApplier against an in-memory cluster that fails on chosen calls: retries, rollback, honest messages. */
class PlanApplierTest {
    private static final ClusterLayout LAYOUT = ClusterLayout.defaults();
    private static final ConfigMapRef KUBE_DNS = LAYOUT.kubeDnsCorefile();
    private static final ConfigMapRef ISTIO = LAYOUT.istioCorefile();
    private static final String OLD_HOME = "micro-shake-factory/my-fruits.internal";
    private static final String NEW_HOME = "juice-bar/my-fruits.internal";

    private InMemoryCluster cluster;

    @BeforeEach
    void recipe() {
        cluster = new InMemoryCluster()
                .corefile(KUBE_DNS, RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .corefile(ISTIO, RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"))
                .service("istio-system", "istiocoredns", "10.96.100.53")
                .service("micro-shake-factory", "fruits-api-service", "10.103.1.1")
                .service("juice-bar", "juice-api", "10.103.2.2");
        new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT));
        add("fruits-api-service.micro-shake-factory", false);
    }

    private AliasResult add(String target, boolean force) {
        return new AliasAddUseCase(cluster).run(new AliasRequest("my-fruits", target, null, null, force, false,
                LAYOUT));
    }

    private List<String> entryKeys() {
        return cluster.serviceEntryList().stream().map(e -> e.namespace() + "/" + e.name()).toList();
    }

    @Test
    void aClosedGateRefusesAPlanBeforeItsFirstWriteAndAnOpenOneRecordsWhatWasWritten() {
        Plan move = new AliasAddUseCase(cluster).run(new AliasRequest("my-fruits", "juice-api.juice-bar", null, null,
                true, true, LAYOUT)).plan();
        WriteGate gate = new WriteGate();
        assertThat(gate.close(java.time.Duration.ZERO).untouched()).isTrue();
        assertThatThrownBy(() -> new PlanApplier(cluster, gate).apply(move))
                .hasMessage("interrupted before writing: nothing was written");
        assertThat(entryKeys()).as("nothing written").containsExactly(OLD_HOME);
        assertThat(gate.close(java.time.Duration.ZERO).refused()).isTrue();

        WriteGate open = new WriteGate();
        new PlanApplier(cluster, open).apply(move);
        assertThat(entryKeys()).containsExactly(NEW_HOME);
        assertThat(open.close(java.time.Duration.ZERO).written())
                .containsExactly("serviceentry " + NEW_HOME + " (re-pointed from fruits-api-service.micro-shake-factory)",
                        "serviceentry " + OLD_HOME + " (moved to juice-bar)");
    }

    @Test
    void aMoveWhoseOldDeleteFailsDeletesTheNewEntryAgainAndSaysSo() {
        cluster.failWhen(c -> c.equals("delete serviceentry " + OLD_HOME));
        assertThatThrownBy(() -> add("juice-api.juice-bar", true))
                .isInstanceOf(SvcaliasException.class)
                .hasMessageContaining("writing serviceentry " + OLD_HOME + " failed")
                .hasMessageContaining("rolled back: created serviceentry " + NEW_HOME + " (deleted again)")
                .hasMessageEndingWith("nothing was left changed");
        assertThat(entryKeys()).containsExactly(OLD_HOME);
    }

    @Test
    void whenTheUndoFailsTooTheMessageNamesWhatWasLeft() {
        cluster.failWhen(c -> c.startsWith("delete serviceentry"));
        assertThatThrownBy(() -> add("juice-api.juice-bar", true))
                .isInstanceOf(SvcaliasException.class)
                .hasMessageContaining("rolled back: nothing; LEFT CHANGED: serviceentry " + NEW_HOME
                        + " was created and is still there")
                .hasMessageNotContaining("nothing was left changed")
                .satisfies(e -> assertThat(((SvcaliasException) e).hint()).contains("kubectl get serviceentries"));
        assertThat(entryKeys()).containsExactlyInAnyOrder(OLD_HOME, NEW_HOME);
    }

    @Test
    void aDeletedEntryIsReCreatedFromTheManifestReadBefore() {
        cluster.service("juice-bar", "juice-api", "10.103.2.2");
        new AliasAddUseCase(cluster).run(new AliasRequest("juice", "juice-api.juice-bar", null, null, false, false,
                LAYOUT));
        List<ServiceEntryRecord> before = cluster.serviceEntryList();
        ServiceEntryRecord first = before.get(0);
        ServiceEntryRecord second = before.get(1);
        cluster.failWhen(c -> c.equals("delete serviceentry " + second.namespace() + "/" + second.name()));
        Plan plan = Plan.of(new ServiceEntryDelete(first, "removed"), new ServiceEntryDelete(second, "removed"));
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(plan))
                .hasMessageContaining("rolled back: deleted serviceentry " + first.namespace() + "/" + first.name()
                        + " (re-created)");
        ServiceEntryRecord back = cluster.serviceEntryList().stream().filter(e -> e.name().equals(first.name())
                && e.namespace().equals(first.namespace())).findFirst().orElseThrow();
        assertThat(back.hosts()).isEqualTo(first.hosts());
        assertThat(back.addresses()).isEqualTo(first.addresses());
        assertThat(back.labels()).isEqualTo(first.labels());
        assertThat(back.annotations()).isEqualTo(first.annotations());
        assertThat(back.manifest().get("spec")).isEqualTo(first.manifest().get("spec"));
    }

    @Test
    void aReplacedEntryIsRestoredWhenALaterWriteFails() {
        ServiceEntryRecord old = cluster.serviceEntryList().get(0);
        Map<String, Object> repointed = new java.util.LinkedHashMap<>(old.manifest());
        repointed.put("spec", Map.of("hosts", old.hosts(), "addresses", List.of("10.9.9.9")));
        var kubeDns = cluster.configMap(KUBE_DNS).orElseThrow();
        cluster.failWhen(c -> c.equals("write " + KUBE_DNS));
        Plan plan = Plan.of(new ServiceEntryPut(repointed, old, "re-pointed"),
                new CorefileChange(kubeDns, kubeDns.corefile() + "# more\n", t -> t + "# more\n", "edit", false));
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(plan))
                .hasMessageContaining("rolled back: replaced serviceentry " + OLD_HOME + " (restored)");
        assertThat(cluster.serviceEntryList().get(0).addresses()).containsExactly("10.103.1.1");
    }

    @Test
    void aSecondCorefileWriteFailingPutsTheFirstBackByteForByte() {
        String istioBefore = cluster.configMap(ISTIO).orElseThrow().corefile();
        cluster.failWhen(c -> c.equals("write " + KUBE_DNS));
        assertThatThrownBy(() -> new InitUseCase(cluster).run(new InitRequest("other", null, false, false, false,
                LAYOUT)))
                .hasMessageContaining("rolled back: wrote configmap istio-system/coredns (put back)")
                .satisfies(e -> assertThat(((SvcaliasException) e).exitCode()).isEqualTo(ExitCode.CLUSTER_ACCESS));
        assertThat(cluster.configMap(ISTIO).orElseThrow().corefile()).isEqualTo(istioBefore);
    }

    @Test
    void aConflictReReadsAndKeepsTheOtherWritersEdit() {
        ConfigMapRef ref = KUBE_DNS;
        var read = cluster.configMap(ref).orElseThrow();
        String theirs = read.corefile() + "# added by someone else\n";
        cluster.editBehindTheBack(ref, theirs);
        int before = cluster.calls().size();
        new PlanApplier(cluster).apply(Plan.of(new CorefileChange(read, read.corefile() + "# ours\n",
                t -> t + "# ours\n", "edit", false)));
        assertThat(cluster.configMap(ref).orElseThrow().corefile()).isEqualTo(theirs + "# ours\n");
        assertThat(cluster.calls().subList(before, cluster.calls().size())).containsExactly("write " + ref,
                "write " + ref);
    }

    @Test
    void aWriterThatNeverStopsEndsInExit5AfterFiveAttempts() {
        ConfigMapRef ref = KUBE_DNS;
        var read = cluster.configMap(ref).orElseThrow();
        int before = cluster.calls().size();
        cluster.failWhen(c -> {
            if (c.equals("write " + ref)) {
                cluster.editBehindTheBack(ref, cluster.configMap(ref).orElseThrow().corefile() + "#\n");
            }
            return false;
        });
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(Plan.of(new CorefileChange(read,
                read.corefile() + "# ours\n", t -> t + "# ours\n", "edit", false))))
                .hasMessageContaining("kept changing under svcalias (5 conflicting writes)")
                .hasMessageContaining("nothing had been written before it")
                .satisfies(e -> assertThat(((SvcaliasException) e).exitCode()).isEqualTo(ExitCode.CLUSTER_STATE));
        assertThat(cluster.calls().subList(before, cluster.calls().size())).hasSize(PlanApplier.MAX_ATTEMPTS)
                .containsOnly("write " + ref);
    }

    @Test
    void aDeleteOfAnEntryChangedSinceItWasReadIsExit5NotAnInternalError() {
        ServiceEntryRecord read = cluster.serviceEntryList().get(0);
        ServiceEntryRecord stale = new ServiceEntryRecord(read.namespace(), read.name(), "1", read.hosts(),
                read.addresses(), read.labels(), read.annotations(), read.manifest());
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(Plan.of(new ServiceEntryDelete(stale, "delete"))))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
                    assertThat(e.getMessage()).contains("serviceentry " + OLD_HOME + " was changed by someone else");
                    assertThat(e.hint()).isEqualTo("run the command again to see the current state");
                });
        assertThat(entryKeys()).containsExactly(OLD_HOME);
    }
}
