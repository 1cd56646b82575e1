package dev.svcalias.realit;

import static dev.svcalias.realit.RecipeScenarioRealIT.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.IstioDnsProxy;
import dev.svcalias.testbed.IstioMesh;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeSeed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17 item 8: in istio mode a meshed pod's answer follows a target that is deleted and re-created with another
 * ClusterIP, with nobody running svcalias again. Real istiod (pilot-discovery from the pinned istio.io/istio) and
 * Istio's own DNS proxy code fed by it over xDS, under each auto-allocation setting the pinned istiod has:
 * <ul>
 *   <li>{@code PILOT_ENABLE_IP_AUTOALLOCATE} on (its default): istiod's controller gives a ServiceEntry without
 *       addresses one from 240.240/16;</li>
 *   <li>off, and the sidecar without {@code ISTIO_META_DNS_AUTO_ALLOCATE}: no auto-allocation;</li>
 *   <li>off, and the sidecar with {@code ISTIO_META_DNS_AUTO_ALLOCATE=true}: Istio 1.9-1.22's allocation, done in
 *       the ServiceEntry registry for every entry without addresses.</li>
 * </ul>
 * The target has an HTTP port and a plain TCP port. In every setting the proxy must answer the new ClusterIP, the
 * alias's HTTP virtual host must route to the target's own cluster, and no listener may catch the TCP port for
 * every address. Beside it, a ServiceEntry of the shape the issue suggested (resolution DNS to the target's name,
 * no addresses) records what each setting does with that: the reason svcalias does not write it (ADR 0180).
 */
class IstioRecreatedTargetRealIT {
    private static final String NS = "micro-shake-factory";
    private static final String ALIAS = "my-fruits.internal";
    private static final String TARGET = "fruits-api-service." + NS;
    private static final String TARGET_FQDN = TARGET + ".svc.cluster.local";
    private static final String TARGET_CLUSTER = "outbound|80||" + TARGET_FQDN;
    /** The issue's suggestion, written by hand: resolution DNS to the target's name, no addresses. */
    private static final String DNS_SHAPE = "dns-shape.internal";

    @RegisterExtension
    @Order(1)
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    @RegisterExtension
    @Order(2)
    static final IstioMesh MESH = IstioMesh.on(CLUSTER);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofMillis(700));

    @BeforeAll
    static void istioModeWithAnAliasOfATargetWithHttpAndTcp() {
        CLUSTER.removeIstiocoredns(false); // Istio 1.9+: no istiocoredns
        new RecipeSeed(CLUSTER.client()).deployment("istio-system", "istiod", "docker.io/istio/pilot:1.28.0", false);
        recreateTarget("10.103.1.1");
        CliRun init = CliRun.run("init", "--domain", "internal", kc());
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: istio");
        CliRun add = CliRun.run("alias", "add", "my-fruits", TARGET, kc());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        CLUSTER.client().genericKubernetesResources("networking.istio.io/v1", "ServiceEntry").inNamespace(NS)
                .resource(dnsShapeEntry()).create();
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("auto-allocation controller (default)", Map.of(), false, "10.103.1.101", true),
                Arguments.of("no auto-allocation", Map.of("PILOT_ENABLE_IP_AUTOALLOCATE", "false"), false,
                        "10.103.1.102", false),
                Arguments.of("ISTIO_META_DNS_AUTO_ALLOCATE (Istio 1.9-1.22)",
                        Map.of("PILOT_ENABLE_IP_AUTOALLOCATE", "false"), true, "10.103.1.103", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theMeshedAnswerFollowsAReCreatedTarget(String setting, Map<String, String> istiodEnv,
                                                boolean sidecarAutoAllocate, String newIp, boolean allocates) {
        MESH.restart(istiodEnv, sidecarAutoAllocate);
        IstioDnsProxy meshed = MESH.meshedClient();
        Nameserver proxy = Nameserver.parse(meshed.dnsAddress());
        String oldIp = CLUSTER.client().services().inNamespace(NS).withName("fruits-api-service").get().getSpec()
                .getClusterIP();
        answers(proxy, oldIp, setting + ", before the re-create");

        recreateTarget(newIp);
        assertThat(eventually(() -> MESH.istiod().registry().get(TARGET_FQDN), a -> a != null && a.contains(newIp)))
                .as("istiod saw the new ClusterIP").contains(newIp);
        answers(proxy, newIp, setting + ", after the re-create, svcalias not run");
        assertThat(meshed.nameTable()).as("the alias is left to kube-dns, which follows the target")
                .doesNotContainKey(ALIAS);

        // what the sidecar then does with it: HTTP to the new ClusterIP carries the alias as Host and meets its
        // virtual host in route 80, routed to the target's own cluster; TCP meets the target's own listener
        assertThat(eventually(() -> meshed.routeClusters("80", ALIAS), c -> c.equals(List.of(TARGET_CLUSTER))))
                .as("%s: the alias's routes in route 80: %s", setting, meshed.routes().get("80"))
                .containsExactly(TARGET_CLUSTER);
        assertThat(eventually(() -> meshed.tcpProxyClusters(newIp + "_5432"), c -> !c.isEmpty()))
                .as("%s: the target's TCP listener; listeners %s", setting, meshed.listeners().keySet())
                .containsExactly("outbound|5432||" + TARGET_FQDN);
        assertThat(meshed.tcpProxyClusters("0.0.0.0_5432")).as("%s: svcalias's entry catches no TCP port", setting)
                .doesNotContain("outbound|5432||" + ALIAS);

        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--meshed",
                "--proxy-nameserver", meshed.dnsAddress(), "--wait", "--timeout", "60s", "--interval", "1s", kc());
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        assertThat(verify.out()).contains("Through the mesh's DNS proxy").contains(newIp);

        theIssuesShapeIsAllocatedOrCatchesTheTcpPort(setting, meshed, allocates);
    }

    /**
     * The finding behind the decision: resolution DNS without addresses gets a 240.240/16 address wherever the mesh
     * auto-allocates (the proxy answers that, not the target's ClusterIP), and where it does not, a 0.0.0.0 listener
     * that sends every connection to port 5432, whatever its address, to the entry's cluster.
     */
    private void theIssuesShapeIsAllocatedOrCatchesTheTcpPort(String setting, IstioDnsProxy meshed,
                                                               boolean allocates) {
        if (allocates) {
            List<String> ips = eventually(() -> meshed.nameTable().get(DNS_SHAPE), a -> a != null);
            assertThat(ips).as("%s: the DNS-shaped entry in the name table %s", setting, meshed.nameTable())
                    .isNotNull().singleElement().asString().startsWith("240.240.");
        } else {
            assertThat(eventually(() -> meshed.tcpProxyClusters("0.0.0.0_5432"), c -> !c.isEmpty()))
                    .as("%s: listeners %s", setting, meshed.listeners().keySet())
                    .containsExactly("outbound|5432||" + DNS_SHAPE);
            assertThat(meshed.nameTable()).doesNotContainKey(DNS_SHAPE);
        }
    }

    private static String kc() {
        return "--kubeconfig=" + CLUSTER.adminKubeconfig();
    }

    private void answers(Nameserver proxy, String ip, String when) {
        DnsAnswer a = Until.answered(() -> dns.query(ALIAS, RecordType.A, proxy),
                x -> x.addresses().equals(List.of(ip))).answer();
        assertThat(a.addresses()).as("%s: Istio's DNS proxy; name table %s%s", when, MESH.meshedClient().nameTable(),
                CLUSTER.logs()).containsExactly(ip);
    }

    /** The target deleted and created again with {@code ip}: port 80 "http" and port 5432 "tcp-db". */
    private static void recreateTarget(String ip) {
        var services = CLUSTER.client().services().inNamespace(NS);
        services.withName("fruits-api-service").delete();
        eventually(() -> services.withName("fruits-api-service").get(), s -> s == null);
        services.resource(new ServiceBuilder().withNewMetadata().withName("fruits-api-service").withNamespace(NS)
                .endMetadata().withNewSpec().withType("ClusterIP").withClusterIP(ip)
                .addNewPort().withName("http").withPort(80).withProtocol("TCP").endPort()
                .addNewPort().withName("tcp-db").withPort(5432).withProtocol("TCP").endPort()
                .endSpec().build()).create();
    }

    private static GenericKubernetesResource dnsShapeEntry() {
        GenericKubernetesResource se = new GenericKubernetesResource();
        se.setApiVersion("networking.istio.io/v1");
        se.setKind("ServiceEntry");
        se.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(DNS_SHAPE).withNamespace(NS)
                .build());
        se.setAdditionalProperty("spec", Map.of("hosts", List.of(DNS_SHAPE), "location", "MESH_INTERNAL",
                "resolution", "DNS", "endpoints", List.of(Map.of("address", TARGET_FQDN)),
                "ports", List.of(Map.of("number", 80, "name", "http", "protocol", "HTTP"),
                        Map.of("number", 5432, "name", "tcp-db", "protocol", "TCP"))));
        return se;
    }
}
