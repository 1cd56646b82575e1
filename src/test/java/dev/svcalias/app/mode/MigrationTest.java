package dev.svcalias.app.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.alias.ExternalNameAliases;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A zone moving between modes on an in-memory cluster: every alias re-written by the new mode's backend, the old
 * mode's leftovers removed, new objects before the switch and removals after it.
 */
class MigrationTest extends ModeCase {
    /** The zone in {@code mode} with alias my-fruits, written as init and alias add write them. */
    private void zoneWithAnAlias(ModeName mode) {
        apply(setUp(Mode.of(mode), DnsChain.read(cluster, LAYOUT, true)).changes());
        apply(Mode.of(mode).aliases(cluster).put(fruits(), false).plan().changes());
    }

    /** The migration's ordered writes to {@code to}, as init plans them. */
    private Migration migrate(ModeName to, List<Change> ordered) {
        DnsChain chain = DnsChain.read(cluster, LAYOUT, true);
        Migration migration = new Migration(cluster, chain, "internal", Mode.recordedIn(chain, "internal"),
                Mode.of(to));
        ordered.addAll(migration.order(setUp(Mode.of(to), chain).changes()));
        return migration;
    }

    @Test
    void istiocorednsToCorednsMovesTheAliasToAServiceAndRemovesIstiocorednsRouteAfterTheSwitch() {
        zoneWithAnAlias(ModeName.ISTIOCOREDNS);
        List<Change> ordered = new ArrayList<>();
        Migration migration = migrate(ModeName.COREDNS, ordered);
        assertThat(migration.aliasCount()).isEqualTo(1);
        assertThat(ordered).isSortedAccordingTo(Comparator.comparing(Change::phase));
        assertThat(kinds(ordered)).contains(AliasServicePut.class, ServiceEntryDelete.class);
        int switchAt = kinds(ordered).indexOf(CorefileChange.class);
        assertThat(kinds(ordered).indexOf(AliasServicePut.class)).isLessThan(switchAt);
        assertThat(kinds(ordered).indexOf(ServiceEntryDelete.class)).isGreaterThan(switchAt);
        assertThat(ordered).anySatisfy(c -> assertThat(c.summary())
                .isEqualTo("removed zone internal (istiocoredns is no longer used)"));

        apply(ordered);
        DnsChain after = DnsChain.read(cluster, LAYOUT);
        assertThat(Mode.recordedIn(after, "internal").name()).isEqualTo(ModeName.COREDNS);
        assertThat(after.istioRoute("internal")).isEmpty();
        assertThat(cluster.serviceEntryList()).isEmpty();
        assertThat(cluster.aliasServices().list(ExternalNameAliases.NAMESPACE)).extracting(ExternalNameAliases::host)
                .containsExactly("my-fruits.internal");
    }

    @Test
    void aZoneInIstioModeCannotGoBackToIstiocorednsItsKubeDnsBlockIsOfAnotherKind() {
        zoneWithAnAlias(ModeName.ISTIO);
        assertThatThrownBy(() -> migrate(ModeName.ISTIOCOREDNS, new ArrayList<>()))
                .hasMessageContaining("already has a svcalias istio block in this Corefile, not a stub-domain one");
        assertThat(cluster.virtualServiceMap()).hasSize(1);
    }

    @Test
    void corednsToIstioKeepsTheServiceAndAddsTheMeshObjects() {
        zoneWithAnAlias(ModeName.COREDNS);
        List<Change> ordered = new ArrayList<>();
        migrate(ModeName.ISTIO, ordered);
        assertThat(kinds(ordered)).contains(ServiceEntryPut.class).doesNotContain(AliasServiceDelete.class);
        apply(ordered);
        assertThat(cluster.virtualServiceMap()).hasSize(1);
        assertThat(cluster.serviceEntryList()).hasSize(1);
        assertThat(cluster.aliasServices().list(ExternalNameAliases.NAMESPACE)).hasSize(1);
    }

    @Test
    void anAliasWhoseTargetIsGoneStopsTheMigrationBeforeAnyWrite() {
        zoneWithAnAlias(ModeName.ISTIOCOREDNS);
        DnsChain chain = DnsChain.read(cluster, LAYOUT, true);
        cluster.removeService("micro-shake-factory", "fruits-api-service");
        List<String> before = cluster.calls();
        assertThatThrownBy(() -> new Migration(cluster, chain, "internal", Mode.of(ModeName.ISTIOCOREDNS),
                Mode.of(ModeName.COREDNS))).hasMessageContaining("which no longer exists, so it cannot be moved");
        assertThat(cluster.calls()).isEqualTo(before);
    }

    @Test
    void istiocorednsToIstioKeepsTheServiceEntryAndGivesItIstiosProtocols() {
        zoneWithAnAlias(ModeName.ISTIOCOREDNS);
        assertThat(protocols()).containsExactly("TCP");
        List<Change> ordered = new ArrayList<>();
        migrate(ModeName.ISTIO, ordered);
        assertThat(ordered).anySatisfy(c -> assertThat(c.summary()).contains("no fixed address 10.103.1.1"));
        apply(ordered);
        assertThat(protocols()).containsExactly("HTTP");
        // istio mode's shape (ADR 0180): no address, resolution NONE
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) cluster.serviceEntryList().get(0).manifest().get("spec");
        assertThat(spec.get("resolution")).isEqualTo("NONE");
        assertThat(spec).doesNotContainKey("addresses");
        assertThat(cluster.aliasServices().list(ExternalNameAliases.NAMESPACE)).hasSize(1);
        assertThat(cluster.virtualServiceMap()).hasSize(1);
        assertThat(Mode.of(ModeName.ISTIO).aliases(cluster).put(fruits(), false).status()).isEqualTo("unchanged");
    }

    @SuppressWarnings("unchecked")
    private List<Object> protocols() {
        Map<String, Object> spec = (Map<String, Object>) cluster.serviceEntryList().get(0).manifest().get("spec");
        return ((List<Map<String, Object>>) spec.get("ports")).stream().map(p -> p.get("protocol")).toList();
    }
}
