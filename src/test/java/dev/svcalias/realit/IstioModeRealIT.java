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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The istio mode against real Istio: a cluster upgraded past Istio 1.8 (istiocoredns gone, istiod running, DNS
 * capture on in the mesh config), with a real istiod (pilot-discovery from the istio.io/istio module) reading the
 * real API server, and Istio's own DNS proxy code fed by it over xDS as a meshed client. {@code init} picks the
 * istio mode by itself; one {@code alias add} serves a pod that asks kube-dns and a meshed pod whose sidecar's DNS
 * proxy, finding the alias outside istiod's name table, asks kube-dns too; the route istiod generates for the target's port gives the alias host a virtual host
 * whose routes go to the target's own cluster (its DestinationRule and mTLS), not to a cluster of the alias or to
 * PassthroughCluster. When the target is re-created with a new ClusterIP, the meshed answer follows it (ADR 0180) and
 * routing by name still lands on it; an entry of the old fixed-address shape goes stale, verify reports it, and the
 * next alias add migrates it.
 */
class IstioModeRealIT {
    private static final String ALIAS = "my-fruits.internal";
    private static final String TARGET = "fruits-api-service.micro-shake-factory";
    private static final String TARGET_CLUSTER = "outbound|80||" + TARGET + ".svc.cluster.local";
    private static final String NEW_IP = "10.103.1.77";
    private static final String LATER_IP = "10.103.1.78";

    @RegisterExtension
    @Order(1)
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    @RegisterExtension
    @Order(2)
    static final IstioMesh MESH = IstioMesh.on(CLUSTER);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofMillis(700));
    private final String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();

    @Test
    void oneAliasServesMeshedAndPlainPodsAndIstiodRoutesItToTheTarget() {
        CLUSTER.removeIstiocoredns(false); // Istio 1.9+: no istiocoredns
        // the istiod Deployment an install leaves (the process itself runs as MESH's istiod)
        new RecipeSeed(CLUSTER.client()).deployment("istio-system", "istiod", "docker.io/istio/pilot:1.28.0", false);
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: istio");
        CliRun status = CliRun.run("status", kc);
        assertThat(status.out()).as(status.toString()).contains("istio").contains("sidecar DNS capture: on")
                .contains("Deployment istio-system/istiod");
        CliRun add = CliRun.run("alias", "add", "my-fruits", TARGET, kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        IstioDnsProxy meshed = MESH.meshedClient();
        Nameserver proxy = Nameserver.parse(meshed.dnsAddress());
        // ADR 0180: the ServiceEntry has no address, so istiod leaves the alias out of the name table and the proxy
        // asks kube-dns, whose ExternalName answer follows the target; the entry must have reached istiod first
        long added = System.nanoTime();
        assertThat(eventually(() -> meshed.routeDomains("80"), d -> d.contains(ALIAS))).contains(ALIAS);
        Until answered = Until.answered(() -> dns.query(ALIAS, RecordType.A, proxy),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(answered.answer().addresses()).as("Istio's DNS proxy " + meshed.nameTable() + CLUSTER.logs())
                .containsExactly(RealCluster.FRUITS_IP);
        Until.figure("istio mode: alias add to the meshed client's DNS proxy answering it (through kube-dns)",
                (System.nanoTime() - added) / 1_000_000);
        assertThat(meshed.nameTable()).as("not in the name table istiod pushed").doesNotContainKey(ALIAS);
        DnsAnswer aaaa = dns.query(ALIAS, RecordType.AAAA, proxy);
        assertThat(aaaa.rcode()).isEqualTo("NOERROR");
        assertThat(aaaa.addresses()).isEmpty();

        Nameserver kubeDns = Nameserver.parse(CLUSTER.kubeDnsAddress());
        Until plain = Until.answered(() -> dns.query(ALIAS, RecordType.A, kubeDns),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(plain.answer().addresses()).as("non-meshed, through kube-dns " + CLUSTER.logs())
                .containsExactly(RealCluster.FRUITS_IP);

        // the zone is svcalias's: a name of it that is no alias is NXDOMAIN, from kube-dns and through the proxy
        assertThat(dns.query("nobody.internal", RecordType.A, kubeDns).rcode()).isEqualTo("NXDOMAIN");
        assertThat(dns.query("nobody.internal", RecordType.A, proxy).rcode()).isEqualTo("NXDOMAIN");

        // routing: the alias gets a virtual host in route 80 whose routes go to the target's own cluster
        List<String> domains = eventually(() -> meshed.routeDomains("80"), d -> d.contains(ALIAS));
        assertThat(domains).as("route 80; listeners %s", meshed.listeners().keySet())
                .contains(ALIAS, TARGET + ".svc.cluster.local");
        assertThat(eventually(() -> meshed.routeClusters("80", ALIAS), c -> c.equals(List.of(TARGET_CLUSTER))))
                .as("the alias's routes in route 80: %s", meshed.routes().get("80"))
                .containsExactly(TARGET_CLUSTER).doesNotContain("PassthroughCluster");
        assertThat(meshed.tcpProxyClusters(RealCluster.FRUITS_IP + "_80")).isEmpty();

        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--meshed",
                "--proxy-nameserver", meshed.dnsAddress(), "--wait", "--timeout", "60s", "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        assertThat(verify.out()).contains("Through the mesh's DNS proxy");

        withoutTheRouteTheAliasHasItsOwnCluster(meshed);
        aReCreatedTargetIsFollowed(meshed, proxy, kubeDns);
        anEntryOfTheOldShapeGoesStaleUntilTheNextAliasAddMigratesIt(meshed, proxy);
        aHeadlessTargetIsRoutedToThePodAskedFor(meshed, proxy, kubeDns);

        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(Until.answered(() -> dns.query(ALIAS, RecordType.A, proxy), a -> a.rcode().equals("NXDOMAIN"))
                .answer().rcode()).as("the alias is gone through the proxy too").isEqualTo("NXDOMAIN");
        assertThat(eventually(() -> meshed.routeDomains("80"), d -> !d.contains(ALIAS))).doesNotContain(ALIAS);
        CliRun reset = CliRun.run("reset", "--aliases", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
    }

    /** The assertion above can fail: without svcalias's VirtualService istiod routes the alias to its own cluster. */
    private void withoutTheRouteTheAliasHasItsOwnCluster(IstioDnsProxy meshed) {
        CLUSTER.client().genericKubernetesResources("networking.istio.io/v1", "VirtualService")
                .inNamespace("micro-shake-factory").withName(ALIAS).delete();
        String own = "outbound|80||" + ALIAS;
        assertThat(eventually(() -> meshed.routeClusters("80", ALIAS), c -> c.equals(List.of(own))))
                .as("without the VirtualService").containsExactly(own);
        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), kc);
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(3);
        assertThat(verify.out()).contains("no VirtualService routes " + ALIAS);
        CliRun fix = CliRun.run("alias", "add", "my-fruits", TARGET, kc);
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        assertThat(eventually(() -> meshed.routeClusters("80", ALIAS), c -> c.equals(List.of(TARGET_CLUSTER))))
                .containsExactly(TARGET_CLUSTER);
    }

    /**
     * docs/adr/0180: the target deleted and re-created with another ClusterIP, svcalias not run: kube-dns and the
     * proxy both answer the new address, the alias still routes to the target by name, verify passes.
     */
    private void aReCreatedTargetIsFollowed(IstioDnsProxy meshed, Nameserver proxy, Nameserver kubeDns) {
        recreateTarget(NEW_IP);
        assertThat(Until.answered(() -> dns.query(ALIAS, RecordType.A, kubeDns), a -> a.addresses().contains(NEW_IP))
                .answer().addresses()).as("kube-dns follows the target").containsExactly(NEW_IP);
        assertThat(Until.answered(() -> dns.query(ALIAS, RecordType.A, proxy), a -> a.addresses().contains(NEW_IP))
                .answer().addresses()).as("so does the proxy").containsExactly(NEW_IP);
        List<String> domains = eventually(() -> meshed.routeDomains("80"), d -> d.contains(NEW_IP));
        assertThat(domains).as("route 80 after the re-create").contains(NEW_IP, ALIAS);
        assertThat(meshed.routeClusters("80", ALIAS)).as("the alias still routes to the target by name")
                .containsExactly(TARGET_CLUSTER);
        CliRun ok = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--meshed", "--proxy-nameserver",
                meshed.dnsAddress(), "--wait", "--timeout", "60s", "--interval", "1s", kc);
        assertThat(ok.exitCode()).as(ok + CLUSTER.logs()).isZero();
    }

    /**
     * An entry istio mode wrote before ADR 0180 (the target's ClusterIP as address) is answered from the name table
     * and goes stale when the target is re-created; verify names it, and the next {@code alias add}, without
     * --force, migrates it to the shape without an address, after which the proxy follows the target again.
     */
    private void anEntryOfTheOldShapeGoesStaleUntilTheNextAliasAddMigratesIt(IstioDnsProxy meshed,
                                                                            Nameserver proxy) {
        var entries = CLUSTER.client().genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inNamespace("micro-shake-factory");
        var old = entries.withName(ALIAS).get();
        old.setAdditionalProperty("spec", Map.of("hosts", List.of(ALIAS), "addresses", List.of(NEW_IP),
                "ports", List.of(Map.of("number", 80, "name", "http", "protocol", "HTTP")),
                "location", "MESH_INTERNAL", "resolution", "DNS",
                "endpoints", List.of(Map.of("address", TARGET + ".svc.cluster.local"))));
        entries.resource(old).update();
        assertThat(eventually(meshed::nameTable, t -> t.containsKey(ALIAS)).get(ALIAS))
                .as("the old shape is in the name table").containsExactly(NEW_IP);
        recreateTarget(LATER_IP);
        assertThat(eventually(() -> MESH.istiod().registry().get(TARGET + ".svc.cluster.local"),
                a -> a != null && a.contains(LATER_IP))).as("istiod saw the new ClusterIP").contains(LATER_IP);
        assertThat(dns.query(ALIAS, RecordType.A, proxy).addresses()).as("the old shape's stale answer")
                .containsExactly(NEW_IP);
        CliRun stale = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), kc);
        assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(3);
        assertThat(stale.out()).contains("ServiceEntry address " + NEW_IP + " differs from " + TARGET
                + "'s ClusterIP " + LATER_IP);

        CliRun migrate = CliRun.run("alias", "add", "my-fruits", TARGET, kc);
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("updated");
        assertThat(Until.answered(() -> dns.query(ALIAS, RecordType.A, proxy), a -> a.addresses().contains(LATER_IP))
                .answer().addresses()).as("the proxy follows the target again").containsExactly(LATER_IP);
        assertThat(eventually(meshed::nameTable, t -> !t.containsKey(ALIAS))).doesNotContainKey(ALIAS);
        CliRun ok = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--meshed", "--proxy-nameserver",
                meshed.dnsAddress(), "--wait", "--timeout", "60s", "--interval", "1s", kc);
        assertThat(ok.exitCode()).as(ok + CLUSTER.logs()).isZero();
    }

    /**
     * ADR 0201: a headless target (a StatefulSet's Service) in istio mode. kube-dns answers the alias with the
     * target's pod address, the proxy, finding the alias outside the name table, asks kube-dns too, and istiod routes
     * the alias's virtual host on the shared {@code 0.0.0.0_80} listener to the target's cluster, an ORIGINAL_DST
     * cluster that forwards to the pod address the client connected to. Before ADR 0201 the alias add was exit 5.
     */
    private void aHeadlessTargetIsRoutedToThePodAskedFor(IstioDnsProxy meshed, Nameserver proxy,
                                                         Nameserver kubeDns) {
        String pod = "198.18.0.5";
        String host = "fruit-pods.internal";
        String podsCluster = "outbound|80||fruits-pods.micro-shake-factory.svc.cluster.local";
        new RecipeSeed(CLUSTER.client()).headlessService("micro-shake-factory", "fruits-pods", pod);
        CliRun add = CliRun.run("alias", "add", "fruit-pods", "fruits-pods.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        assertThat(Until.answered(() -> dns.query(host, RecordType.A, kubeDns), a -> a.addresses().contains(pod))
                .answer().addresses()).as("kube-dns: the target's pod " + CLUSTER.logs()).containsExactly(pod);
        assertThat(eventually(() -> meshed.routeClusters("80", host), c -> c.equals(List.of(podsCluster))))
                .as("the alias's routes in route 80: %s", meshed.routes().get("80")).containsExactly(podsCluster);
        assertThat(meshed.clusterType(podsCluster)).as("the target's cluster forwards to the address connected to")
                .isEqualTo("ORIGINAL_DST");
        assertThat(meshed.listeners().keySet().stream().map(String::valueOf).toList())
                .as("an HTTP port of a headless Service has no listener per pod")
                .doesNotContain(pod + "_80");
        assertThat(Until.answered(() -> dns.query(host, RecordType.A, proxy), a -> a.addresses().contains(pod))
                .answer().addresses()).as("Istio's DNS proxy " + meshed.nameTable()).containsExactly(pod);
        assertThat(meshed.nameTable()).doesNotContainKey(host);
        CliRun verify = CliRun.run("verify", "fruit-pods", "--nameserver", CLUSTER.kubeDnsAddress(), "--meshed",
                "--proxy-nameserver", meshed.dnsAddress(), "--wait", "--timeout", "60s", "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        CliRun remove = CliRun.run("alias", "remove", "fruit-pods", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
    }

    private static void recreateTarget(String ip) {
        CLUSTER.client().services().inNamespace("micro-shake-factory").withName("fruits-api-service").delete();
        eventually(() -> CLUSTER.client().services().inNamespace("micro-shake-factory")
                .withName("fruits-api-service").get(), s -> s == null);
        new RecipeSeed(CLUSTER.client()).service("micro-shake-factory", "fruits-api-service", ip, 80, "http", "TCP");
    }
}
