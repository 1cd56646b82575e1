package dev.svcalias.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.svcalias.aliasfile.AliasFileParser;
import dev.svcalias.app.alias.ObservedCluster;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** apply's planning of an alias file over the observed cluster: one step per alias, each failing alone. */
class AliasResolverTest {
    private static final ClusterLayout LAYOUT = ClusterLayout.defaults();
    private InMemoryCluster cluster;

    @BeforeEach
    void istiocorednsZone() {
        cluster = new InMemoryCluster()
                .corefile(LAYOUT.kubeDnsCorefile(), RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .corefile(LAYOUT.istioCorefile(), RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"))
                .service("istio-system", "istiocoredns", "10.96.100.53")
                .service("micro-shake-factory", "fruits-api-service", "10.103.1.1")
                .service("juice-bar", "juice-api", "10.103.2.2");
        new InitUseCase(cluster).run(new InitRequest("internal", "1.6.2", false, false, false, LAYOUT));
    }

    private List<AliasStep> resolve(String yaml) {
        ObservedCluster observed = ObservedCluster.read(cluster);
        return new AliasResolver(observed, DnsChain.read(cluster, LAYOUT)).resolve(AliasFileParser.parse("f.yaml",
                yaml));
    }

    @Test
    void eachAliasIsPlannedByItsZonesModeAndNothingIsWritten() {
        List<AliasStep> steps = resolve("domain: internal\naliases:\n"
                + "- {name: my-fruits, target: fruits-api-service.micro-shake-factory}\n"
                + "- {name: juice, target: juice-api.juice-bar}\n");
        assertThat(steps).extracting(AliasStep::host, AliasStep::action, AliasStep::address).containsExactly(
                tuple("my-fruits.internal", Action.CREATE, "10.103.1.1"),
                tuple("juice.internal", Action.CREATE, "10.103.2.2"));
        assertThat(cluster.serviceEntryList()).isEmpty();
    }

    @Test
    void anAliasAlreadyInPlaceIsUnchangedAndOnePointingElsewhereIsRePointed() {
        new AliasAddUseCase(cluster).run(new AliasRequest("my-fruits", "fruits-api-service.micro-shake-factory",
                null, null, false, false, LAYOUT));
        new AliasAddUseCase(cluster).run(new AliasRequest("juice", "fruits-api-service.micro-shake-factory",
                null, null, false, false, LAYOUT));
        List<AliasStep> steps = resolve("domain: internal\naliases:\n"
                + "- {name: my-fruits, target: fruits-api-service.micro-shake-factory}\n"
                + "- {name: juice, target: juice-api.juice-bar}\n");
        assertThat(steps).extracting(AliasStep::action).containsExactly(Action.UNCHANGED, Action.UPDATE);
        steps.get(1).plan().changes().forEach(c -> assertThat(c.summary()).isNotBlank());
        new PlanApplier(cluster).apply(steps.get(1).plan());
        assertThat(cluster.serviceEntryList()).extracting(e -> e.addresses().get(0))
                .containsExactlyInAnyOrder("10.103.1.1", "10.103.2.2");
    }

    @Test
    void aMissingTargetOrAZoneNotSetUpFailsThatAliasAlone() {
        List<AliasStep> steps = resolve("aliases:\n"
                + "- {name: gone, domain: internal, target: nothing.nowhere}\n"
                + "- {name: elsewhere, domain: corp.example, target: juice-api.juice-bar}\n"
                + "- {name: my-fruits, domain: internal, target: fruits-api-service.micro-shake-factory}\n");
        assertThat(steps).extracting(AliasStep::action).containsExactly(Action.FAILED, Action.FAILED, Action.CREATE);
        assertThat(steps.get(0).detail()).contains("Service nowhere/nothing does not exist");
        assertThat(steps.get(1).detail()).contains("zone corp.example is not set up");
    }

    @Test
    void aFileNamingTheClusterDomainAsAZoneIsRefusedWhole() {
        assertThatThrownBy(() -> resolve("domain: cluster.local\naliases:\n- {name: a, target: b.c}\n"))
                .isInstanceOf(SvcaliasException.class).hasMessageStartingWith("f.yaml:")
                .hasMessageContaining("is the cluster domain")
                .satisfies(e -> assertThat(((SvcaliasException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
