package dev.svcalias.realit;

import static dev.svcalias.realit.RecipeScenarioRealIT.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.IstioDnsProxy;
import dev.svcalias.testbed.IstioMesh;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The istio mode against real Istio: a cluster upgraded past Istio 1.8 (istiocoredns gone, istiod running, DNS
 * capture on in the mesh config). {@code init} picks the istio mode by itself; one {@code alias add} serves a
 * pod that asks kube-dns and a meshed pod whose sidecar answers from istiod's name table (Istio's own DNS proxy
 * code, fed by a real istiod over xDS), and the route istiod generates for the target's port carries the alias.
 */
class IstioModeMeshRealIT {
    private static final String ALIAS = "my-fruits.internal";

    @RegisterExtension
    @Order(1)
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    @RegisterExtension
    @Order(2)
    static final IstioMesh MESH = IstioMesh.on(CLUSTER);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofMillis(700));

    @Test
    void oneAliasServesMeshedAndPlainPodsAndIstiodRoutesIt() {
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        CLUSTER.removeIstiocoredns(false);
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: istio");
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        IstioDnsProxy meshed = MESH.meshedClient();
        Nameserver proxy = Nameserver.parse(meshed.dnsAddress());
        Until fromTable = Until.answered(() -> dns.query(ALIAS, RecordType.A, proxy),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(fromTable.answer().addresses()).as("Istio's DNS proxy " + CLUSTER.logs())
                .containsExactly(RealCluster.FRUITS_IP);
        // the proxy forwards names it lacks to kube-dns, which answers the alias too: wait for istiod's push
        assertThat(eventually(() -> meshed.nameTable().get(ALIAS), v -> v != null && v.contains(RealCluster.FRUITS_IP)))
                .as("in the name table istiod pushed").containsExactly(RealCluster.FRUITS_IP);
        Until.figure("istio mode: alias add to Istio's DNS proxy answering", fromTable.millis());
        assertThat(dns.query(ALIAS, RecordType.AAAA, proxy).rcode()).isEqualTo("NOERROR");

        Nameserver kubeDns = Nameserver.parse(CLUSTER.kubeDnsAddress());
        Until plain = Until.answered(() -> dns.query(ALIAS, RecordType.A, kubeDns),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(plain.answer().addresses()).as("kube-dns " + CLUSTER.logs()).containsExactly(RealCluster.FRUITS_IP);

        // routing: the alias gets a virtual host in route 80, and the target's address no TCP proxy
        List<String> domains = eventually(() -> meshed.routeDomains("80"), d -> d.contains(ALIAS));
        assertThat(domains).as("route 80; listeners %s", meshed.listeners().keySet())
                .contains(ALIAS, "fruits-api-service.micro-shake-factory.svc.cluster.local");
        assertThat(meshed.tcpProxyClusters(RealCluster.FRUITS_IP + "_80")).isEmpty();

        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--meshed",
                "--proxy-nameserver", meshed.dnsAddress(), "--wait", "--timeout", "60s", "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        CliRun status = CliRun.run("status", kc);
        assertThat(status.out()).as(status.toString()).contains("istio").contains("sidecar DNS capture: on");

        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(eventually(meshed::nameTable, t -> !t.containsKey(ALIAS))).doesNotContainKey(ALIAS);
    }
}
