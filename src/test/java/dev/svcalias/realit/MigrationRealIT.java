package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Istio upgrade story through real servers: svcalias set up in the istiocoredns era (real CoreDNS 1.6.2
 * istiocoredns and the plugin), then istiocoredns disappears; init again shows the migration as a dry run, moves
 * the zone and the alias to coredns mode, kube-dns answers the alias itself, and reset gives back the original
 * Corefiles byte for byte.
 */
class MigrationRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofMillis(700));

    @Test
    void istiocorednsEraToCorednsModeAndBackToTheOriginalBytes() {
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        Nameserver kubeDns = Nameserver.parse(CLUSTER.kubeDnsAddress());
        assertThat(CliRun.run("init", "--domain", "internal", kc).out()).contains("Mode: istiocoredns");
        assertThat(CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc).exitCode())
                .isZero();
        Until era = Until.answered(() -> dns.query("my-fruits.internal", RecordType.A, kubeDns),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(era.answer().addresses()).as("istiocoredns era " + CLUSTER.logs())
                .containsExactly(RealCluster.FRUITS_IP);

        CLUSTER.removeIstiocoredns(true); // Istio upgraded past 1.8; its old ConfigMap is still there
        Until broken = Until.answered(() -> dns.query("my-fruits.internal", RecordType.A, kubeDns),
                a -> !a.noError() || a.addresses().isEmpty());
        assertThat(broken.answer().addresses()).as("nothing answers behind kube-dns's forward").isEmpty();
        CliRun status = CliRun.run("status", kc);
        assertThat(status.out()).contains("leads nowhere").contains("svcalias init --domain internal");

        String kubeDnsBefore = CLUSTER.corefile("kube-system");
        CliRun dry = CliRun.run("init", "--domain", "internal", "--dry-run", kc);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("migrating from istiocoredns mode, 1 alias").contains("rewrite stop");
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(kubeDnsBefore);

        CliRun migrate = CliRun.run("init", "--domain", "internal", kc);
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("Mode: coredns (migrated from istiocoredns mode, 1 alias)");
        Until moved = Until.answered(() -> dns.query("my-fruits.internal", RecordType.A, kubeDns),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(moved.answer().addresses()).as(CLUSTER.logs()).containsExactly(RealCluster.FRUITS_IP);
        Until.figure("migration: init to the alias answering again (Corefile copy and reload)", moved.millis());
        assertThat(dns.query("my-fruits.internal", RecordType.AAAA, kubeDns).rcode()).isEqualTo("NOERROR");
        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--wait", "--timeout", "60s",
                "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        assertThat(CLUSTER.corefile("istio-system")).as("istiocoredns's route is gone")
                .isEqualTo(CLUSTER.seededIstioCorefile());

        CliRun reset = CliRun.run("reset", "--aliases", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").get().getMetadata()
                .getAnnotations()).doesNotContainKey("svcalias.dev/original-corefile");
    }
}
