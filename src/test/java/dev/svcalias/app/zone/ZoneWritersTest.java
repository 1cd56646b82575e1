package dev.svcalias.app.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.ObjectFacts;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ChartValuesChange;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.OperatorServerChange;
import dev.svcalias.plan.Plan;
import dev.svcalias.platform.ClusterFacts;
import dev.svcalias.platform.PlatformId;
import dev.svcalias.platform.ZoneTarget;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.PlatformSeeds;
import dev.svcalias.testing.RecipeCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each zone writer ("side") on an in-memory cluster, built from its platform's {@link ZoneTarget} as the platform
 * setup builds it: the changes that put zone internal where the platform keeps it, the zone read back from there,
 * and its removal, which leaves the objects as they were.
 */
class ZoneWritersTest {
    private static final ConfigMapRef COREDNS = new ConfigMapRef("kube-system", "coredns");
    private static final ConfigMapRef CUSTOM = new ConfigMapRef("kube-system", "coredns-custom");
    private static final ConfigMapRef KUBE_DNS = new ConfigMapRef("kube-system", "kube-dns");
    private static final String ISTIOCOREDNS_IP = "10.96.100.53";
    private static final UnaryOperator<String> FORWARD = text -> Corefiles.addStubDomain(text, "internal",
            ISTIOCOREDNS_IP);

    private final InMemoryCluster cluster = new InMemoryCluster();
    private final List<String> warnings = new ArrayList<>();

    private KubeDnsSide side(ZoneTarget target, PlatformId platform) {
        List<ObjectFacts> objects = new ArrayList<>();
        for (ConfigMapRef ref : List.of(CUSTOM, KUBE_DNS)) {
            cluster.configMapData(ref.namespace(), ref.name()).ifPresent(data -> objects.add(new ObjectFacts(
                    "ConfigMap", ref.namespace(), ref.name(), Map.of(), Map.of(), data, List.of(), List.of())));
        }
        ClusterFacts facts = new ClusterFacts(objects, List.of(), Set.of(), Set.of());
        return KubeDnsSides.of(cluster, target, facts, cluster.configMap(COREDNS), false, warnings, platform);
    }

    private void apply(List<Change> changes) {
        new PlanApplier(cluster).apply(new Plan(changes));
    }

    private static List<Class<?>> kinds(List<Change> changes) {
        return changes.stream().<Class<?>>map(Change::getClass).toList();
    }

    /** Puts the zone, reads it back through a new side, removes it; returns the kinds of changes the put made. */
    private List<Class<?>> putReadBackRemove(ZoneTarget target, PlatformId platform) {
        List<Change> put = side(target, platform).puts(FORWARD, "zone internal -> istiocoredns");
        apply(put);
        KubeDnsSide after = side(target, platform);
        assertThat(after.zone("internal")).as(after.describe()).hasValueSatisfying(z -> {
            assertThat(z.upstream()).contains(ISTIOCOREDNS_IP);
            assertThat(z.kind()).isEqualTo(ManagedZone.Kind.STUB_DOMAIN);
        });
        assertThat(side(target, platform).puts(FORWARD, "again")).as("a second put changes nothing")
                .allSatisfy(c -> assertThat(new Plan(List.of(c)).effective().isEmpty()).isTrue());
        List<String> notes = new ArrayList<>();
        apply(side(target, platform).remove("internal", notes));
        assertThat(side(target, platform).zones()).isEmpty();
        return kinds(put);
    }

    @Test
    void kubeadmKeepsTheZoneInTheCorefileItself() {
        String original = RecipeCluster.corpus("kubeadm-1.28.corefile");
        cluster.corefile(COREDNS, original);
        assertThat(putReadBackRemove(new ZoneTarget.CorefileBlock(COREDNS), PlatformId.KUBEADM))
                .containsExactly(CorefileChange.class);
        assertThat(cluster.configMap(COREDNS).orElseThrow().corefile()).isEqualTo(original);
    }

    @Test
    void aksKeepsTheZoneInAServerKeyOfCorednsCustom() {
        cluster.corefile(COREDNS, PlatformSeeds.file("aks-default.corefile")).configMapData("kube-system",
                "coredns-custom", Map.of("other.server", "other:53 {\n}\n"));
        assertThat(putReadBackRemove(new ZoneTarget.CustomServerKey(CUSTOM, COREDNS), PlatformId.AKS))
                .containsExactly(ConfigMapKeyChange.class);
        assertThat(cluster.configMapData("kube-system", "coredns-custom")).contains(
                Map.of("other.server", "other:53 {\n}\n"));
    }

    @Test
    void rke2AlsoTellsTheChartToImportCorednsCustom() {
        cluster.corefile(COREDNS, RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .configMapData("kube-system", "coredns-custom", Map.of());
        ZoneTarget.ChartImport target = new ZoneTarget.ChartImport(new ZoneTarget.CustomServerKey(CUSTOM, COREDNS),
                "kube-system", "rke2-coredns", false);
        assertThat(putReadBackRemove(target, PlatformId.RKE2))
                .containsExactly(ConfigMapKeyChange.class, ChartValuesChange.class);
    }

    @Test
    void kubeDnsForwardsTheZoneFromAStubDomainsEntry() {
        cluster.configMapData("kube-system", "kube-dns", Map.of());
        assertThat(putReadBackRemove(new ZoneTarget.StubDomains(KUBE_DNS), PlatformId.GKE))
                .containsExactly(ConfigMapKeyChange.class);
        assertThat(side(new ZoneTarget.StubDomains(KUBE_DNS), PlatformId.GKE).forwardsOnly()).isTrue();
    }

    @Test
    void openShiftForwardsTheZoneFromAServerOfTheDnsOperator() {
        cluster.dnsOperator("default", List.of());
        assertThat(putReadBackRemove(new ZoneTarget.OperatorServers("default"), PlatformId.OPENSHIFT))
                .containsExactly(OperatorServerChange.class);
        assertThat(cluster.dnsOperator().read("default").orElseThrow().servers()).isEmpty();
    }

    @Test
    void aMissingCorefileIsRefusedNamingIt() {
        assertThatThrownBy(() -> side(new ZoneTarget.CorefileBlock(COREDNS),
                PlatformId.KUBEADM)).hasMessageContaining(COREDNS + " not found");
    }
}
