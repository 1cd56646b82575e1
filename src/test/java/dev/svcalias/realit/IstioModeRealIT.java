package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.IstioMesh;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeSeed;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * istio mode against a real istiod (pilot-discovery from the istio.io/istio module) reading the real API server,
 * and Istio's own DNS proxy code fed by it over xDS as a meshed client with DNS capture: init picks istio mode,
 * alias add writes the ExternalName Service and the ServiceEntry; the meshed client resolves the alias from
 * istiod's name table, the route istiod generates for the target's port carries the alias host, a non-meshed
 * client resolves it through kube-dns, and verify --meshed passes.
 */
class IstioModeRealIT {
    @RegisterExtension
    @Order(1)
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    @RegisterExtension
    @Order(2)
    static final IstioMesh MESH = IstioMesh.on(CLUSTER);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofSeconds(2));

    @Test
    void meshedAndNonMeshedClientsResolveTheAliasAndTheRouteCarriesIt() {
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        CLUSTER.removeIstiocoredns(false); // Istio 1.9+: no istiocoredns
        // the istiod Deployment an install leaves (the process itself runs as MESH's istiod)
        new RecipeSeed(CLUSTER.client()).deployment("istio-system", "istiod", "docker.io/istio/pilot:1.28.0", false);

        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: istio");
        CliRun status = CliRun.run("status", kc);
        assertThat(status.out()).contains("sidecar DNS capture: on").contains("Deployment istio-system/istiod");

        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        Nameserver proxy = Nameserver.parse(MESH.meshedClient().dnsAddress());
        long added = System.nanoTime();
        Until meshed = Until.answered(() -> {
            DnsAnswer a = dns.query("my-fruits.internal", RecordType.A, proxy);
            return MESH.meshedClient().nameTable().containsKey("my-fruits.internal") ? a : DnsAnswer.timeout("not "
                    + "in the name table yet");
        }, a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(meshed.answer().addresses()).as(MESH.meshedClient().nameTable() + CLUSTER.logs())
                .containsExactly(RealCluster.FRUITS_IP);
        Until.figure("istio mode: alias add to the meshed client's DNS proxy answering from istiod's name table",
                (System.nanoTime() - added) / 1_000_000);
        assertThat(MESH.meshedClient().nameTable().get("my-fruits.internal")).containsExactly(RealCluster.FRUITS_IP);
        DnsAnswer aaaa = dns.query("my-fruits.internal", RecordType.AAAA, proxy);
        assertThat(aaaa.rcode()).isEqualTo("NOERROR");
        assertThat(aaaa.addresses()).isEmpty();
        assertThat(MESH.meshedClient().routeDomains("80")).as("route 80: " + MESH.meshedClient().routes())
                .contains("my-fruits.internal");

        Nameserver kubeDns = Nameserver.parse(CLUSTER.kubeDnsAddress());
        Until plain = Until.answered(() -> dns.query("my-fruits.internal", RecordType.A, kubeDns),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(plain.answer().addresses()).as("non-meshed, through kube-dns " + CLUSTER.logs())
                .containsExactly(RealCluster.FRUITS_IP);

        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--meshed",
                "--proxy-nameserver", MESH.meshedClient().dnsAddress(), "--wait", "--timeout", "60s",
                "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        assertThat(verify.out()).contains("Through the mesh's DNS proxy");

        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        Until gone = Until.answered(() -> {
            MESH.meshedClient().nameTable(); // keep istiod's push visible in the logs on failure
            return MESH.meshedClient().nameTable().containsKey("my-fruits.internal")
                    ? DnsAnswer.timeout("still in the name table") : new DnsAnswer("NOERROR", java.util.List.of(), null);
        }, a -> a.noError());
        assertThat(gone.answer().noError()).as("the alias left istiod's name table").isTrue();
        CliRun reset = CliRun.run("reset", "--aliases", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
    }
}
