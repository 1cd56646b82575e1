package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.MountedCoreDns;
import dev.svcalias.testbed.MountedCoreDns.Volume;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AKS and k3s: real CoreDNS loads the platform's managed Corefile, with its {@code import}, and svcalias's
 * {@code svcalias-<zone>.server} key of kube-system/coredns-custom, both materialised from their ConfigMaps as the
 * platforms mount them (/etc/coredns and /etc/coredns/custom); the alias resolves through istiocoredns, the
 * managed Corefile keeps its bytes, and reset takes the key away again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorednsCustomRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofSeconds(2));

    @Test
    @Order(1)
    void aksAliasResolvesThroughTheImportedServerKey() {
        new PlatformSeeds(CLUSTER.client()).aks();
        roundTrip("aks", "aks-default.corefile", "custom/svcalias-internal.server");
    }

    @Test
    @Order(2)
    void k3sAliasResolvesThroughTheAbsoluteImport() {
        CLUSTER.client().nodes().delete();
        CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns-custom").delete();
        new PlatformSeeds(CLUSTER.client()).k3s("k3s-default.corefile");
        roundTrip("k3s", "k3s-default.corefile", "custom/svcalias-internal.server");
    }

    private void roundTrip(String platform, String corefile, String keyFile) {
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        MountedCoreDns coredns = CLUSTER.startMountedCoreDns(platform + "-coredns", List.of(
                new Volume("kube-system", "coredns", ""), new Volume("kube-system", "coredns-custom", "custom")),
                Map.of(RealCluster.ISTIOCOREDNS_IP, CLUSTER.istiocorednsAddress()), UnaryOperator.identity());
        Nameserver ns = Nameserver.parse(coredns.address());

        CliRun status = CliRun.run("status", kc);
        assertThat(status.out()).as(status.toString()).contains("Platform:       " + platform);
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("configmap kube-system/coredns-custom");
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        CliRun verify = CliRun.run("verify", "--nameserver", coredns.address(), "--wait", "--timeout", "60s",
                "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + coredns.logTail() + CLUSTER.logs()).isZero();
        DnsAnswer a = dns.query("my-fruits.internal", RecordType.A, ns);
        assertThat(a.addresses()).containsExactly(RealCluster.FRUITS_IP);
        DnsAnswer aaaa = dns.query("my-fruits.internal", RecordType.AAAA, ns);
        assertThat(aaaa.rcode()).as("AAAA answered by the imported block, not NXDOMAIN").isEqualTo("NOERROR");
        assertThat(coredns.file(keyFile)).as("what CoreDNS reads from the mounted coredns-custom")
                .contains("internal:" + coredns.address().substring(coredns.address().indexOf(":") + 1));
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(PlatformSeeds.file(corefile));
        // the cluster's own names still resolve through the managed Corefile's kubernetes block
        DnsAnswer svc = dns.query("fruits-api-service.micro-shake-factory.svc.cluster.local", RecordType.A, ns);
        assertThat(svc.addresses()).containsExactly(RealCluster.FRUITS_IP);

        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        CliRun reset = CliRun.run("reset", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        var custom = CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns-custom").get();
        assertThat(custom == null || custom.getData() == null || custom.getData().isEmpty()).isTrue();
        assertThat(CLUSTER.corefile("istio-system")).isEqualTo(CLUSTER.seededIstioCorefile());
        DnsAnswer unrouted = RecipeScenarioRealIT.eventually(() -> dns.query("my-fruits.internal", RecordType.AAAA,
                ns), x -> !x.rcode().equals("NOERROR"));
        assertThat(unrouted.rcode()).as("the imported block is gone after reset").isNotEqualTo("NOERROR");
        coredns.close();
    }
}
