package dev.svcalias.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.app.alias.AliasServiceNames;
import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.alias.ExternalNameAliases;
import dev.svcalias.app.mode.ModeName;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.AliasService;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same alias NAME in two zones, through the use cases on an in-memory cluster: each alias owns its own
 * ExternalName Service (NAME plus its zone's suffix), so nothing one zone's alias does reaches the other's.
 */
class SameNameTwoZonesTest {
    private static final ClusterLayout LAYOUT = ClusterLayout.defaults();
    private static final String FRUITS = "fruits-api-service.micro-shake-factory";
    private static final String KUBERNETES = "kubernetes.default";

    private final InMemoryCluster cluster = new InMemoryCluster()
            .corefile(LAYOUT.kubeDnsCorefile(), RecipeCluster.corpus("kubeadm-1.28.corefile"))
            .service("micro-shake-factory", "fruits-api-service", "10.103.1.1")
            .service("micro-shake-factory", "veg-api", "10.103.2.2")
            .service("default", "kubernetes", "10.96.0.1");

    private InitResult init(String domain, ModeName mode) {
        return new InitUseCase(cluster).run(new InitRequest(domain, "1.6.2", false, false, false, LAYOUT, mode));
    }

    private AliasResult add(String name, String target, String domain, boolean force) {
        return new AliasAddUseCase(cluster).run(new AliasRequest(name, target, null, domain, force, false, LAYOUT));
    }

    /** The externalName of alias {@code name}'s Service in {@code zone}; null when there is none. */
    private String externalName(String name, String zone) {
        String service = name + AliasServiceNames.suffix(zone);
        return cluster.aliasServices().list(ExternalNameAliases.NAMESPACE).stream()
                .filter(s -> s.name().equals(service)).map(AliasService::externalName).findFirst().orElse(null);
    }

    private java.util.List<String> hosts() {
        return AliasView.load(cluster).stream().map(AliasView::host).toList();
    }

    @ParameterizedTest
    @EnumSource(names = {"COREDNS", "ISTIO"})
    void eachZoneOwnsItsAliasThroughAddForceAndRemove(ModeName mode) {
        init("internal", mode);
        init("corp.example", mode);
        add("zz", FRUITS, "internal", false);
        assertThat(externalName("zz", "corp.example")).as("zz.corp.example was never created").isNull();
        assertThat(hosts()).containsExactly("zz.internal");

        assertThat(add("zz", KUBERNETES, "corp.example", false).status()).isEqualTo("created");
        assertThat(externalName("zz", "corp.example")).isEqualTo("kubernetes.default.svc.cluster.local");
        assertThat(externalName("zz", "internal")).isEqualTo(FRUITS + ".svc.cluster.local");

        add("zz", "veg-api.micro-shake-factory", "corp.example", true);
        assertThat(externalName("zz", "corp.example")).isEqualTo("veg-api.micro-shake-factory.svc.cluster.local");
        assertThat(externalName("zz", "internal")).as("--force re-points only its own zone")
                .isEqualTo(FRUITS + ".svc.cluster.local");

        new AliasRemoveUseCase(cluster).run("zz", "corp.example", false, false, LAYOUT);
        assertThat(externalName("zz", "corp.example")).isNull();
        assertThat(externalName("zz", "internal")).as("the other zone's alias stays")
                .isEqualTo(FRUITS + ".svc.cluster.local");
        assertThat(hosts()).containsExactly("zz.internal");
    }

    @Test
    void migratingOneZoneLeavesTheOtherZonesAliasAlone() {
        cluster.corefile(LAYOUT.istioCorefile(), RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"))
                .service("istio-system", "istiocoredns", "10.96.100.53");
        init("internal", null);
        init("corp.example", null);
        add("yy", FRUITS, "internal", false);
        add("yy", KUBERNETES, "corp.example", false);
        cluster.removeService("istio-system", "istiocoredns"); // an Istio upgrade took istiocoredns away

        InitResult internal = init("internal", null);
        assertThat(internal.migratedFrom()).isEqualTo("istiocoredns");
        assertThat(internal.movedAliases()).isEqualTo(1);
        assertThat(externalName("yy", "internal")).isEqualTo(FRUITS + ".svc.cluster.local");
        assertThat(init("corp.example", null).movedAliases()).isEqualTo(1);
        assertThat(externalName("yy", "corp.example")).isEqualTo("kubernetes.default.svc.cluster.local");
        assertThat(externalName("yy", "internal")).as("not overwritten").isEqualTo(FRUITS + ".svc.cluster.local");
        assertThat(AliasView.load(cluster)).extracting(AliasView::host, AliasView::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple("yy.corp.example", KUBERNETES),
                org.assertj.core.groups.Tuple.tuple("yy.internal", FRUITS));
    }
}
