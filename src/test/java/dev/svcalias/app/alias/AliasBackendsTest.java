package dev.svcalias.app.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import dev.svcalias.plan.VirtualServiceDelete;
import dev.svcalias.plan.VirtualServicePut;
import dev.svcalias.testing.InMemoryCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each alias backend on an in-memory cluster: what {@code put} plans, what the applied plan leaves in the cluster,
 * that a second put changes nothing, that re-pointing needs force, and what {@code remove} takes away.
 */
class AliasBackendsTest {
    private static final String CLUSTER_DOMAIN = "cluster.local";
    private static final String FRUITS = "fruits-api-service.micro-shake-factory";
    private static final String JUICE = "juice-api.juice-bar";

    private final InMemoryCluster cluster = new InMemoryCluster()
            .service("micro-shake-factory", "fruits-api-service", "10.103.1.1")
            .service("juice-bar", "juice-api", "10.103.2.2");

    AliasBackendsTest() {
        // what coredns and istio mode's init create: the aliases' namespace (without it no Service is an alias)
        cluster.aliasServices().createNamespace(ExternalNameAliases.NAMESPACE,
                java.util.Map.of(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER));
    }

    private ResolvedAlias alias(String name, String target) {
        TargetRef ref = TargetRef.parse(target, null, CLUSTER_DOMAIN);
        ServiceInfo service = cluster.services().service(ref.namespace(), ref.name()).orElseThrow();
        return new ResolvedAlias(name, "internal", name + ".internal", ref, service, CLUSTER_DOMAIN);
    }

    private void apply(AliasPlan plan) {
        new PlanApplier(cluster).apply(plan.plan());
    }

    private static List<Class<?>> kinds(AliasPlan plan) {
        return plan.plan().changes().stream().<Class<?>>map(Change::getClass).toList();
    }

    @Test
    void serviceEntriesHoldOneEntryPerAliasAtTheTargetsAddress() {
        AliasBackend backend = new ServiceEntryAliases(cluster);
        AliasPlan created = backend.put(alias("my-fruits", FRUITS), false);
        assertThat(created.status()).isEqualTo("created");
        assertThat(kinds(created)).containsExactly(ServiceEntryPut.class);
        assertThat(cluster.serviceEntryList()).as("a plan writes nothing").isEmpty();

        apply(created);
        assertThat(cluster.serviceEntryList()).singleElement().satisfies(e -> {
            assertThat(e.namespace()).isEqualTo("micro-shake-factory");
            assertThat(e.hosts()).containsExactly("my-fruits.internal");
            assertThat(e.addresses()).containsExactly("10.103.1.1");
        });
        assertThat(backend.list()).extracting(AliasView::host, AliasView::target)
                .containsExactly(tuple("my-fruits.internal", FRUITS));
        AliasPlan again = backend.put(alias("my-fruits", FRUITS), false);
        assertThat(again.status()).isEqualTo("unchanged");
        assertThat(again.plan().isEmpty()).isTrue();
    }

    @Test
    void aServiceEntryMovesToTheNewTargetsNamespaceOnlyWithForce() {
        AliasBackend backend = new ServiceEntryAliases(cluster);
        apply(backend.put(alias("my-fruits", FRUITS), false));
        assertThatThrownBy(() -> backend.put(alias("my-fruits", JUICE), false)).isInstanceOf(SvcaliasException.class)
                .hasMessageContaining("already points at " + FRUITS)
                .satisfies(e -> assertThat(((SvcaliasException) e).exitCode()).isEqualTo(ExitCode.CLUSTER_STATE));

        AliasPlan moved = backend.put(alias("my-fruits", JUICE), true);
        assertThat(moved.status()).isEqualTo("re-pointed");
        assertThat(moved.repointedFrom()).as("the way back").contains(FRUITS);
        assertThat(kinds(moved)).containsExactly(ServiceEntryPut.class, ServiceEntryDelete.class);
        apply(moved);
        assertThat(cluster.serviceEntryList()).extracting(ServiceEntryRecord::namespace, e -> e.addresses().get(0))
                .containsExactly(tuple("juice-bar", "10.103.2.2"));
    }

    @Test
    void aServiceEntryIsRemovedAndThenThereIsNothingToRemove() {
        AliasBackend backend = new ServiceEntryAliases(cluster);
        apply(backend.put(alias("my-fruits", FRUITS), false));
        AliasPlan removal = backend.remove("my-fruits.internal").orElseThrow();
        assertThat(kinds(removal)).containsExactly(ServiceEntryDelete.class);
        apply(removal);
        assertThat(cluster.serviceEntryList()).isEmpty();
        assertThat(backend.list()).isEmpty();
        assertThat(backend.remove("my-fruits.internal")).isEmpty();
    }

    @Test
    void externalNameServicesCnameTheTargetAndRecordTheirMode() {
        AliasBackend backend = new ExternalNameAliases(cluster, true);
        AliasPlan created = backend.put(alias("my-fruits", FRUITS), false);
        assertThat(kinds(created)).containsExactly(AliasServicePut.class);
        apply(created);
        List<AliasService> services = cluster.aliasServices().list(ExternalNameAliases.NAMESPACE);
        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(AliasServiceNames.serviceName("my-fruits", "internal"));
            assertThat(s.externalName()).isEqualTo(FRUITS + ".svc." + CLUSTER_DOMAIN);
            assertThat(s.annotations()).containsEntry(ManagedLabels.MODE, "coredns");
            assertThat(ExternalNameAliases.host(s)).isEqualTo("my-fruits.internal");
        });
        assertThat(backend.list()).extracting(AliasView::host, AliasView::target)
                .containsExactly(tuple("my-fruits.internal", FRUITS));
        assertThat(backend.put(alias("my-fruits", FRUITS), false).plan().isEmpty()).isTrue();
        assertThatThrownBy(() -> backend.put(alias("my-fruits", JUICE), false))
                .isInstanceOf(SvcaliasException.class);
        AliasPlan repointed = backend.put(alias("my-fruits", JUICE), true);
        assertThat(repointed.status()).isEqualTo("re-pointed");
        assertThat(repointed.repointedFrom()).as("the way back").contains(FRUITS);
        apply(repointed);
        assertThat(backend.put(alias("my-fruits", FRUITS), true).repointedFrom()).contains(JUICE);

        AliasPlan removal = backend.remove("my-fruits.internal").orElseThrow();
        assertThat(kinds(removal)).containsExactly(AliasServiceDelete.class);
        apply(removal);
        assertThat(cluster.aliasServices().list(ExternalNameAliases.NAMESPACE)).isEmpty();
    }

    @Test
    void corednsModeDropsAnIstiocorednsEraServiceEntryOfTheHostAndIstioModeKeepsIt() {
        apply(new ServiceEntryAliases(cluster).put(alias("my-fruits", FRUITS), false));
        AliasPlan coredns = new ExternalNameAliases(cluster, true).put(alias("my-fruits", FRUITS), false);
        assertThat(kinds(coredns)).containsExactly(AliasServicePut.class, ServiceEntryDelete.class);
        AliasPlan istio = new ExternalNameAliases(cluster, false).put(alias("my-fruits", FRUITS), false);
        assertThat(kinds(istio)).containsExactly(AliasServicePut.class);
    }

    @Test
    void istioModeWritesTheServiceTheRouteAndTheEntryInThatOrderAndRemovesThemBackwards() {
        AliasBackend backend = new IstioAliases(cluster);
        AliasPlan created = backend.put(alias("my-fruits", FRUITS), false);
        assertThat(created.status()).isEqualTo("created");
        assertThat(kinds(created)).containsExactly(AliasServicePut.class, VirtualServicePut.class,
                ServiceEntryPut.class);
        apply(created);
        assertThat(cluster.aliasServices().list(ExternalNameAliases.NAMESPACE)).singleElement()
                .satisfies(s -> assertThat(s.annotations()).containsEntry(ManagedLabels.MODE, "istio"));
        assertThat(cluster.virtualServiceMap()).hasSize(1);
        assertThat(cluster.serviceEntryList()).singleElement()
                .satisfies(e -> assertThat(e.hosts()).containsExactly("my-fruits.internal"));
        assertThat(backend.list()).extracting(AliasView::host).containsExactly("my-fruits.internal");
        assertThat(backend.problems(backend.list(), CLUSTER_DOMAIN)).isEmpty();
        assertThat(backend.put(alias("my-fruits", FRUITS), false).plan().isEmpty()).isTrue();

        AliasPlan removal = backend.remove("my-fruits.internal").orElseThrow();
        assertThat(kinds(removal)).containsExactly(ServiceEntryDelete.class, VirtualServiceDelete.class,
                AliasServiceDelete.class);
        apply(removal);
        assertThat(cluster.virtualServiceMap()).isEmpty();
        assertThat(cluster.serviceEntryList()).isEmpty();
        assertThat(cluster.aliasServices().list(ExternalNameAliases.NAMESPACE)).isEmpty();
    }

    @Test
    void istioModeWritesAMissingRouteAgainAndSaysTheAliasWasUpdated() {
        AliasBackend backend = new IstioAliases(cluster);
        apply(backend.put(alias("my-fruits", FRUITS), false));
        String route = cluster.virtualServiceMap().keySet().iterator().next();
        cluster.virtualServices().delete(route.split("/")[0], route.split("/")[1], null);
        assertThat(backend.problems(backend.list(), CLUSTER_DOMAIN)).containsKey("my-fruits.internal");
        AliasPlan repaired = backend.put(alias("my-fruits", FRUITS), false);
        assertThat(repaired.status()).isEqualTo("updated");
        assertThat(kinds(repaired)).containsExactly(VirtualServicePut.class);
    }

    @Test
    void aHeadlessTargetIsAliasedByItsNameAndOnlyAFixedAddressNeedsAClusterIp() {
        cluster.service("micro-shake-factory", "headless", "None").externalNameService("micro-shake-factory", "ext",
                "example.org");
        AliasPlan headless = new ExternalNameAliases(cluster, true).put(alias("pods", "headless.micro-shake-factory"),
                false);
        apply(headless);
        assertThat(cluster.aliasServices().list(ExternalNameAliases.NAMESPACE)).extracting(AliasService::externalName)
                .containsExactly("headless.micro-shake-factory.svc." + CLUSTER_DOMAIN);
        assertThatThrownBy(() -> new ServiceEntryAliases(cluster).put(alias("pods", "headless.micro-shake-factory"),
                false)).hasMessageContaining("is headless");
        // istio mode's entry has no address (ServiceEntryShape.BY_NAME): the headless target is aliased by name
        AliasPlan meshed = new IstioAliases(cluster).put(alias("mesh-pods", "headless.micro-shake-factory"), false);
        assertThat(meshed.status()).isEqualTo("created");
        assertThat(kinds(meshed)).startsWith(AliasServicePut.class).contains(ServiceEntryPut.class);
        for (AliasBackend backend : List.of(new ExternalNameAliases(cluster, true), new ServiceEntryAliases(cluster),
                new IstioAliases(cluster))) {
            assertThatThrownBy(() -> backend.put(alias("ext", "ext.micro-shake-factory"), false))
                    .isInstanceOf(SvcaliasException.class).hasMessageContaining("is of type ExternalName")
                    .satisfies(e -> assertThat(((SvcaliasException) e).exitCode()).isEqualTo(ExitCode.CLUSTER_STATE));
        }
    }
}
