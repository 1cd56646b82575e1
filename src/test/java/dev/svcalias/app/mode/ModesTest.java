package dev.svcalias.app.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.NamespaceCreate;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import dev.svcalias.plan.VirtualServiceDelete;
import dev.svcalias.plan.VirtualServicePut;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each mode on an in-memory cluster: the writes its setup plans, the backend it stores aliases with, its rules. */
class ModesTest extends ModeCase {
    private ModeName recorded() {
        return Mode.recordedIn(DnsChain.read(cluster, LAYOUT), "internal").name();
    }

    @Test
    void corednsModeCreatesTheAliasNamespaceThenKubeDnsBlock() {
        ModeSetup setup = setUp(ModeName.COREDNS);
        assertThat(kinds(setup.changes())).containsExactly(NamespaceCreate.class, CorefileChange.class);
        assertThat(((CorefileChange) setup.changes().get(1)).before().ref()).isEqualTo(LAYOUT.kubeDnsCorefile());
        assertThat(setup.facts()).isEmpty();
        apply(setup.changes());
        assertThat(recorded()).isEqualTo(ModeName.COREDNS);
        assertThat(cluster.aliasServices().namespaceLabels("svcalias-aliases")).isPresent();
    }

    @Test
    void istiocorednsModeRoutesInIstiocorednsFirstAndReportsItsAddressAndVersion() {
        ModeSetup setup = setUp(ModeName.ISTIOCOREDNS);
        assertThat(setup.changes()).extracting(c -> ((CorefileChange) c).before().ref())
                .containsExactly(LAYOUT.istioCorefile(), LAYOUT.kubeDnsCorefile());
        assertThat(setup.facts()).containsExactly(Map.entry("istiocorednsClusterIP", "10.96.100.53"),
                Map.entry("istiocorednsCorednsVersion", "1.6.2"));
        apply(setup.changes());
        assertThat(recorded()).isEqualTo(ModeName.ISTIOCOREDNS);
        assertThat(DnsChain.read(cluster, LAYOUT).istioRoute("internal")).isPresent();
    }

    @Test
    void istioModeIsCorednsModeWithAWarningWhenMeshedPodsDoNotCaptureDns() {
        ModeSetup setup = setUp(ModeName.ISTIO);
        assertThat(kinds(setup.changes())).containsExactly(NamespaceCreate.class, CorefileChange.class);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("DNS capture is off"));
        apply(setup.changes());
        assertThat(recorded()).isEqualTo(ModeName.ISTIO);
    }

    @Test
    void eachModeStoresAnAliasWithItsOwnObjects() {
        assertThat(kinds(Mode.of(ModeName.ISTIOCOREDNS).aliases(cluster).put(fruits(), false).plan().changes()))
                .containsExactly(ServiceEntryPut.class);
        assertThat(kinds(Mode.of(ModeName.COREDNS).aliases(cluster).put(fruits(), false).plan().changes()))
                .containsExactly(AliasServicePut.class);
        assertThat(kinds(Mode.of(ModeName.ISTIO).aliases(cluster).put(fruits(), false).plan().changes()))
                .containsExactly(AliasServicePut.class, VirtualServicePut.class, ServiceEntryPut.class);
    }

    @Test
    void aZoneWithoutABlockIsAnIstiocorednsZoneAsSvcaliasAlwaysHadIt() {
        assertThat(ModeName.recordedIn(DnsChain.read(cluster, LAYOUT), "internal")).isEmpty();
        assertThat(recorded()).isEqualTo(ModeName.ISTIOCOREDNS);
    }

    @Test
    void onlyIstioModeLetsVerifyAskTheMeshsDnsProxy() {
        assertThatCode(() -> Mode.of(ModeName.ISTIO).checkMeshedProbe("internal")).doesNotThrowAnyException();
        for (ModeName other : List.of(ModeName.COREDNS, ModeName.ISTIOCOREDNS)) {
            assertThatThrownBy(() -> Mode.of(other).checkMeshedProbe("internal"))
                    .isInstanceOf(SvcaliasException.class).hasMessageContaining("is in " + other + " mode")
                    .satisfies(e -> assertThat(((SvcaliasException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        }
    }

    @Test
    void chainProblemsNameAZoneThatIsNotSetUp() {
        DnsChain chain = DnsChain.read(cluster, LAYOUT);
        assertThat(Mode.of(ModeName.COREDNS).chainProblems(cluster, chain, "internal"))
                .anySatisfy(p -> assertThat(p).contains("has no svcalias block for zone internal"));
        apply(setUp(ModeName.COREDNS).changes());
        assertThat(Mode.of(ModeName.COREDNS).chainProblems(cluster, DnsChain.read(cluster, LAYOUT), "internal"))
                .isEmpty();
    }

    @Test
    void istiocorednsModeTakesAwayWhatIstioModeWroteBesideTheServiceEntry() {
        apply(Mode.of(ModeName.ISTIO).aliases(cluster).put(fruits(), false).plan().changes());
        assertThat(kinds(Mode.of(ModeName.ISTIOCOREDNS).leftoversOf(cluster, "my-fruits.internal")))
                .containsExactly(VirtualServiceDelete.class, AliasServiceDelete.class);
        assertThat(Mode.of(ModeName.COREDNS).leftoversOf(cluster, "my-fruits.internal")).isEmpty();
        assertThat(Mode.of(ModeName.ISTIO).leftoversOf(cluster, "my-fruits.internal")).isEmpty();
        assertThat(Mode.of(ModeName.ISTIOCOREDNS).routesThroughIstiocoredns()).isTrue();
        assertThat(Mode.of(ModeName.COREDNS).routesThroughIstiocoredns()).isFalse();
    }

    @Test
    void removalTakesWhatTheModeWroteElseWhatAnotherModeLeftBehind() {
        apply(Mode.of(ModeName.ISTIOCOREDNS).aliases(cluster).put(fruits(), false).plan().changes());
        assertThat(Mode.of(ModeName.COREDNS).aliases(cluster).remove("my-fruits.internal")).isEmpty();
        assertThat(Mode.of(ModeName.COREDNS).removal(cluster, "my-fruits.internal")).hasValueSatisfying(
                p -> assertThat(kinds(p.plan().changes())).containsExactly(ServiceEntryDelete.class));
        assertThat(Mode.of(ModeName.COREDNS).removal(cluster, "nothing.internal")).isEmpty();
    }
}
