package dev.svcalias.app.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.mode.ModeName;
import dev.svcalias.app.usecase.AliasAddUseCase;
import dev.svcalias.app.usecase.AliasRequest;
import dev.svcalias.app.usecase.AliasResult;
import dev.svcalias.app.usecase.InitRequest;
import dev.svcalias.app.usecase.InitUseCase;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.cluster.ServiceInfo.PortInfo;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * istio mode's ServiceEntry without an address (ADR 0180): the alias follows a re-created target with nobody
 * running svcalias, entries of the old fixed-address shape are migrated by the next write, conditionally and
 * reversibly, and what is missing is reported.
 */
class IstioByNameEntryTest {
    private static final ClusterLayout LAYOUT = ClusterLayout.defaults();
    private static final String NS = "micro-shake-factory";
    private static final String TARGET = "fruits-api-service." + NS;
    private static final String KEY = NS + "/my-fruits.internal";
    private InMemoryCluster cluster;

    @BeforeEach
    void istioMode() {
        cluster = new InMemoryCluster()
                .corefile(LAYOUT.kubeDnsCorefile(), RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .service(target("10.103.1.1"))
                .service("juice-bar", "juice-api", "10.103.2.2");
        new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT, ModeName.ISTIO));
    }

    /** The target with an HTTP, a TCP, a gRPC and an HTTPS port. */
    private static ServiceInfo target(String clusterIp) {
        return new ServiceInfo(NS, "fruits-api-service", "ClusterIP", clusterIp, null, List.of(
                new PortInfo("http", 80, "TCP"), new PortInfo("tcp-db", 5432, "TCP"),
                new PortInfo("grpc-api", 9090, "TCP"), new PortInfo("https", 443, "TCP")));
    }

    private AliasResult add(String name, String target) {
        return new AliasAddUseCase(cluster).run(new AliasRequest(name, target, null, null, false, false, LAYOUT));
    }

    private ServiceEntryRecord entry() {
        return cluster.serviceEntryList().stream().filter(e -> (e.namespace() + "/" + e.name()).equals(KEY))
                .findFirst().orElseThrow();
    }

    private AliasView view() {
        return AliasView.load(cluster).stream().filter(v -> v.host().equals("my-fruits.internal")).findFirst()
                .orElseThrow();
    }

    @Test
    void theEntryHasNoAddressResolutionNoneAndOnlyThePortsIstioRoutesByHost() {
        add("my-fruits", TARGET);
        Map<String, Object> spec = entry().spec();
        assertThat(spec).doesNotContainKeys("addresses", "endpoints")
                .containsEntry("resolution", "NONE").containsEntry("location", "MESH_INTERNAL")
                .containsEntry("hosts", List.of("my-fruits.internal"));
        assertThat(spec.get("ports")).isEqualTo(List.of(
                Map.of("number", 80, "name", "http", "protocol", "HTTP"),
                Map.of("number", 9090, "name", "grpc-api", "protocol", "GRPC")));
        assertThat(add("my-fruits", TARGET).status()).as("written once").isEqualTo("unchanged");
    }

    @Test
    void aTargetWithoutHttpPortsGetsAnEntryWithoutPorts() {
        cluster.service(new ServiceInfo("juice-bar", "db", "ClusterIP", "10.103.2.9", null,
                List.of(new PortInfo("tcp-db", 5432, "TCP"))));
        add("juice-db", "db.juice-bar");
        ServiceEntryRecord db = cluster.serviceEntryList().stream().filter(e -> e.name().equals("juice-db.internal"))
                .findFirst().orElseThrow();
        assertThat(db.spec()).doesNotContainKeys("ports", "addresses").containsEntry("resolution", "NONE");
    }

    @Test
    void istiocorednsModeKeepsTheFixedAddress() {
        Map<String, Object> spec = spec(ServiceEntryManifest.build("v1", "my-fruits.internal", "my-fruits",
                "internal", new TargetRef("fruits-api-service", NS), target("10.103.1.1"), "cluster.local"));
        assertThat(spec).containsEntry("addresses", List.of("10.103.1.1")).containsEntry("resolution", "DNS")
                .containsEntry("endpoints", List.of(Map.of("address", TARGET + ".svc.cluster.local")));
        assertThat((List<?>) spec.get("ports")).hasSize(4);
    }

    @Test
    void aReCreatedTargetIsFollowedWithoutSvcalias() {
        add("my-fruits", TARGET);
        assertThat(view().inSync()).isTrue();
        cluster.service(target("10.103.1.77"));
        AliasView after = view();
        assertThat(after.inSync()).as(after.problem()).isTrue();
        assertThat(after.targetIp()).contains("10.103.1.77");
        assertThat(after.follows()).isTrue();
        assertThat(after.namespace()).as("the entry's namespace, as before").isEqualTo(NS);
    }

    /** An entry istio mode wrote before ADR 0180: the target's ClusterIP as address, resolution DNS. */
    private ServiceEntryRecord oldShape() {
        add("my-fruits", TARGET);
        ServiceEntryRecord now = entry();
        Map<String, Object> manifest = new LinkedHashMap<>(now.manifest());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hosts", List.of("my-fruits.internal"));
        spec.put("addresses", List.of("10.103.1.1"));
        spec.put("ports", List.of(Map.of("number", 80, "name", "http", "protocol", "HTTP"),
                Map.of("number", 5432, "name", "tcp-db", "protocol", "TCP")));
        spec.put("location", "MESH_INTERNAL");
        spec.put("resolution", "DNS");
        spec.put("endpoints", List.of(Map.of("address", TARGET + ".svc.cluster.local")));
        manifest.put("spec", spec);
        return cluster.serviceEntries().apply(manifest, now.resourceVersion());
    }

    @Test
    void anOldShapedEntryWithAStaleAddressIsReportedThenMigratedByAliasAddWithoutForce() {
        oldShape();
        cluster.service(target("10.103.1.77"));
        AliasView stale = view();
        assertThat(stale.inSync()).isFalse();
        assertThat(stale.problem()).contains("ServiceEntry address 10.103.1.1 differs from " + TARGET
                + "'s ClusterIP 10.103.1.77");

        AliasPlan plan = new IstioAliases(cluster).put(spec(), false);
        assertThat(plan.status()).isEqualTo("updated");
        assertThat(plan.plan().changes()).singleElement().extracting(Change::summary).asString()
                .isEqualTo("no fixed address 10.103.1.1: meshed pods get the target's ClusterIP from kube-dns");
        assertThat(add("my-fruits", TARGET).status()).isEqualTo("updated");
        assertThat(entry().spec()).doesNotContainKey("addresses").containsEntry("resolution", "NONE");
        assertThat(view().inSync()).isTrue();
        assertThat(add("my-fruits", TARGET).status()).isEqualTo("unchanged");
    }

    @Test
    void theMigrationIsConditionalOnWhatWasReadAndPutBackByteForByteWhenALaterWriteFails() {
        ServiceEntryRecord old = oldShape();
        AliasPlan migration = new IstioAliases(cluster).put(spec(), false);
        ResolvedAlias juice = new ResolvedAlias("juice", "internal", "juice.internal", new TargetRef("juice-api", "juice-bar"),
                cluster.services().service("juice-bar", "juice-api").orElseThrow(), "cluster.local");
        List<Change> both = new ArrayList<>(migration.plan().changes());
        both.addAll(new IstioAliases(cluster).put(juice, false).plan().changes());
        cluster.failWhen(c -> c.equals("create serviceentry juice-bar/juice.internal"));
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(new Plan(both)))
                .hasMessageContaining("replaced serviceentry " + KEY + " (restored)");
        assertThat(entry().manifest()).isEqualTo(old.manifest());
        cluster.healed();

        // someone edits the entry between svcalias's read and its write: the migration is refused, the edit kept
        AliasPlan late = new IstioAliases(cluster).put(spec(), false);
        Map<String, Object> theirs = new LinkedHashMap<>(entry().manifest());
        theirs.put("spec", Map.of("hosts", List.of("my-fruits.internal"), "addresses", List.of("10.103.1.5")));
        cluster.serviceEntries().apply(theirs, entry().resourceVersion());
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(late.plan()))
                .hasMessageContaining("serviceentry " + KEY);
        assertThat(entry().addresses()).containsExactly("10.103.1.5");
    }

    @Test
    void anEntryWithoutAddressAndWithoutItsServiceIsDrift() {
        add("my-fruits", TARGET);
        String service = cluster.aliasServices().list(ExternalNameAliases.NAMESPACE).get(0).name();
        cluster.aliasServices().delete(ExternalNameAliases.NAMESPACE, service, null);
        AliasView orphan = view();
        assertThat(orphan.inSync()).isFalse();
        assertThat(orphan.problem()).contains("its ExternalName Service is missing");
    }

    private ResolvedAlias spec() {
        return new ResolvedAlias("my-fruits", "internal", "my-fruits.internal", new TargetRef("fruits-api-service", NS),
                cluster.services().service(NS, "fruits-api-service").orElseThrow(), "cluster.local");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.get("spec");
    }
}
