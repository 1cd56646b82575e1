package dev.svcalias.app.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.ApiUnreachableException;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.OperatorServer;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ChartValuesChange;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.KeyEdit;
import dev.svcalias.plan.NamespaceCreate;
import dev.svcalias.plan.NamespaceDelete;
import dev.svcalias.plan.OperatorServerChange;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.VirtualServiceDelete;
import dev.svcalias.plan.VirtualServicePut;
import dev.svcalias.testing.InMemoryCluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of cluster write svcalias makes, and every undo, with its answer lost after it landed (the in-memory
 * cluster stores the write, then throws the connection reset an API client would): the write counts as done, the
 * cluster ends exactly as a run without faults leaves it, and a rollback puts everything back. Before the write
 * seam ({@link LostAnswerCluster}) only Corefile and ServiceEntry writes were read back.
 */
class LostAnswersEveryKindTest {
    private static final ConfigMapRef KUBE_DNS = ClusterLayout.defaults().kubeDnsCorefile();
    private static final String NS = "svcalias-aliases";
    private static final AliasService ALIAS = new AliasService(NS, "my-fruits", null,
            "fruits-api-service.micro-shake-factory.svc.cluster.local", Map.of("app.kubernetes.io/managed-by",
            "svcalias"), Map.of());
    private static final ConfigMapRef CUSTOM = new ConfigMapRef("kube-system", "coredns-custom", "svcalias.server");
    private static final ConfigMapRef STUBS = new ConfigMapRef("kube-system", "kube-dns", "stubDomains");
    private static final OperatorServer SERVER = new OperatorServer("svcalias-internal", List.of("internal"),
            List.of("10.96.100.53"));
    private static final KeyEdit ANNOTATED = new KeyEdit(Optional.of("internal:53 {\n}\n"),
            Map.of("svcalias.dev/owner", Optional.of("internal")));

    /** A write of one kind: how the cluster is prepared, and the change svcalias then makes. */
    record Kind(String name, Consumer<InMemoryCluster> given, Function<InMemoryCluster, Change> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("create service", c -> { }, c -> new AliasServicePut(ALIAS, null, "create")),
                new Kind("replace service", LostAnswersEveryKindTest::withAlias, c -> new AliasServicePut(
                        new AliasService(NS, "my-fruits", null, "juice.micro-shake-factory.svc.cluster.local",
                                ALIAS.labels(), Map.of()), alias(c), "re-point")),
                new Kind("delete service", LostAnswersEveryKindTest::withAlias,
                        c -> new AliasServiceDelete(alias(c), "delete")),
                new Kind("create namespace", c -> { }, c -> new NamespaceCreate(NS, Map.of("app.kubernetes.io/"
                        + "managed-by", "svcalias"), "create")),
                new Kind("create virtualservice", c -> { }, c -> new VirtualServicePut(route("a"), null, "create")),
                new Kind("replace virtualservice", LostAnswersEveryKindTest::withRoute,
                        c -> new VirtualServicePut(route("b"), routeRead(c), "re-point")),
                new Kind("delete virtualservice", LostAnswersEveryKindTest::withRoute,
                        c -> new VirtualServiceDelete(routeRead(c), "delete")),
                new Kind("create coredns-custom with a key", c -> { }, c -> keyChange(c, CUSTOM, ANNOTATED)),
                new Kind("change kube-dns's stubDomains", c -> c.configMapData("kube-system", "kube-dns",
                        Map.of("stubDomains", "{}", "other", "kept")), c -> keyChange(c, STUBS, new KeyEdit(
                        Optional.of("{\"internal\": [\"10.96.100.53\"]}"), Map.of()))),
                new Kind("remove the last key of a ConfigMap svcalias created", c -> c.configMapKeys().write(
                        c.configMapKeys().read(CUSTOM), ANNOTATED.value(), ANNOTATED.annotations()),
                        c -> keyChange(c, CUSTOM, new KeyEdit(Optional.empty(), Map.of("svcalias.dev/owner",
                                Optional.empty())))),
                new Kind("add an OpenShift DNS server", c -> c.dnsOperator("default", List.of()),
                        c -> serverChange(c, Optional.of(SERVER))),
                new Kind("remove an OpenShift DNS server", c -> c.dnsOperator("default", List.of(SERVER)),
                        c -> serverChange(c, Optional.empty())),
                new Kind("create RKE2's chart values", c -> { }, c -> chartChange(c, ANNOTATED)),
                new Kind("remove the chart values svcalias created", c -> c.helmChartConfigs().write(
                        c.helmChartConfigs().read("kube-system", "rke2-coredns"), ANNOTATED.value(),
                        ANNOTATED.annotations()), c -> chartChange(c, new KeyEdit(Optional.empty(),
                        Map.of("svcalias.dev/owner", Optional.empty())))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aWriteWhoseAnswerWasLostIsDoneAndLeavesWhatAFaultFreeRunLeaves(Kind kind) {
        InMemoryCluster faultFree = given(kind);
        new PlanApplier(faultFree).apply(Plan.of(kind.change().apply(faultFree)));

        InMemoryCluster lossy = given(kind);
        Change change = kind.change().apply(lossy);
        lossy.loseAnswerWhen(call -> !call.startsWith("list"));
        new PlanApplier(lossy).apply(Plan.of(change));
        assertThat(state(lossy)).isEqualTo(state(faultFree)).isNotEqualTo(state(given(kind)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theWriteAndItsUndoLoseTheirAnswersAndARollbackStillPutsEverythingBack(Kind kind) {
        InMemoryCluster cluster = given(kind);
        String before = state(cluster);
        var read = cluster.configMap(KUBE_DNS).orElseThrow();
        Plan plan = Plan.of(kind.change().apply(cluster), new CorefileChange(read, read.corefile() + "# more\n",
                t -> t + "# more\n", "edit", false));
        cluster.failWhen(call -> call.equals("write " + KUBE_DNS))
                .loseAnswerWhen(call -> !call.startsWith("list") && !call.equals("write " + KUBE_DNS));
        assertThatThrownBy(() -> new PlanApplier(cluster).apply(plan))
                .hasMessageContaining("rolled back: ")
                .hasMessageEndingWith("nothing was left changed");
        assertThat(state(cluster)).isEqualTo(before);
    }

    /** The namespace delete has no undo (it is always a plan's last change), so only its lost answer is tested. */
    @Test
    void aNamespaceDeleteWhoseAnswerWasLostIsDone() {
        InMemoryCluster cluster = given(new Kind("ns", c -> c.aliasServices().createNamespace(NS, Map.of()), null));
        cluster.loseAnswerWhen(call -> call.equals("delete namespace " + NS));
        new PlanApplier(cluster).apply(Plan.of(new NamespaceDelete(NS, "delete")));
        assertThat(cluster.aliasServices().namespaceLabels(NS)).isEmpty();
    }

    /** The fixture really loses answers: without the write seam the caller sees exit 4 after the write landed. */
    @Test
    void withoutTheSeamALandedWriteLooksFailed() {
        InMemoryCluster cluster = new InMemoryCluster().loseAnswerWhen(call -> call.startsWith("create service"));
        assertThatThrownBy(() -> cluster.aliasServices().apply(ALIAS, null))
                .isInstanceOf(ApiUnreachableException.class);
        assertThat(cluster.aliasServices().list(NS)).hasSize(1);
    }

    private static InMemoryCluster given(Kind kind) {
        InMemoryCluster cluster = new InMemoryCluster().corefile(KUBE_DNS, ".:53 {\n    forward . /etc/resolv.conf\n}\n");
        kind.given().accept(cluster);
        return cluster;
    }

    /** Everything a write of these kinds can change, without resourceVersions. */
    private static String state(InMemoryCluster c) {
        return String.join("\n",
                "services " + c.aliasServices().list(NS).stream().map(s -> s.name() + "->" + s.externalName()
                        + s.labels()).toList(),
                "namespace " + c.aliasServices().namespaceLabels(NS),
                "routes " + c.virtualServiceMap().values().stream().map(r -> r.name() + r.spec() + r.labels())
                        .sorted().toList(),
                "coredns-custom " + c.configMapData("kube-system", "coredns-custom") + " "
                        + c.configMapKeys().read(CUSTOM).annotations(),
                "kube-dns " + c.configMapData("kube-system", "kube-dns"),
                "operator " + c.dnsOperator().read("default").map(d -> d.servers()),
                "chart " + c.helmChartConfigs().read("kube-system", "rke2-coredns").valuesContent() + " "
                        + c.helmChartConfigs().read("kube-system", "rke2-coredns").annotations(),
                "corefile " + c.configMap(KUBE_DNS).map(s -> s.corefile() + s.backup()));
    }

    private static void withAlias(InMemoryCluster c) {
        c.aliasServices().apply(ALIAS, null);
    }

    private static AliasService alias(InMemoryCluster c) {
        return c.aliasServices().list(NS).get(0);
    }

    private static Map<String, Object> route(String subset) {
        return Map.of("apiVersion", "networking.istio.io/v1", "kind", "VirtualService",
                "metadata", Map.of("namespace", "micro-shake-factory", "name", "my-fruits",
                        "labels", Map.of("app.kubernetes.io/managed-by", "svcalias")),
                "spec", Map.of("hosts", List.of("my-fruits.internal"), "subset", subset));
    }

    private static void withRoute(InMemoryCluster c) {
        c.virtualServices().apply(route("a"), null);
    }

    private static dev.svcalias.cluster.VirtualServiceRecord routeRead(InMemoryCluster c) {
        return c.virtualServiceMap().get("micro-shake-factory/my-fruits");
    }

    private static ConfigMapKeyChange keyChange(InMemoryCluster c, ConfigMapRef ref, KeyEdit edit) {
        return new ConfigMapKeyChange(c.configMapKeys().read(ref), edit, r -> edit, "edit");
    }

    private static ChartValuesChange chartChange(InMemoryCluster c, KeyEdit edit) {
        return new ChartValuesChange(c.helmChartConfigs().read("kube-system", "rke2-coredns"), edit, r -> edit, "edit");
    }

    private static OperatorServerChange serverChange(InMemoryCluster c, Optional<OperatorServer> after) {
        return new OperatorServerChange(c.dnsOperator().read("default").orElseThrow(), SERVER.name(), after, "edit");
    }
}
