package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same alias NAME in two zones, through real CoreDNS reading the real API server (issue 17, item 1): zone
 * internal in istiocoredns mode and zone corp.example in coredns mode both get yy, pointing at different targets;
 * istiocoredns goes away and init migrates internal to coredns mode. Each name keeps its own answer throughout,
 * a name added in one zone is NXDOMAIN in the other, and removing one zone's yy leaves the other's answering.
 */
class SameNameTwoZonesRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    static final String VEG_IP = "10.103.2.2";

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofMillis(700));

    private DnsAnswer query(String name) {
        return dns.query(name, RecordType.A, Nameserver.parse(CLUSTER.kubeDnsAddress()));
    }

    private void answers(String name, List<String> addresses) {
        Until until = Until.answered(() -> query(name), a -> a.addresses().equals(addresses));
        assertThat(until.answer().addresses()).as(name + " " + CLUSTER.logs()).isEqualTo(addresses);
    }

    private void nxdomain(String name) {
        Until until = Until.answered(() -> query(name), a -> a.rcode().equals("NXDOMAIN"));
        assertThat(until.answer().rcode()).as(name + " " + CLUSTER.logs()).isEqualTo("NXDOMAIN");
    }

    private static CliRun ok(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        CliRun run = CliRun.run(all);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void twoZonesTheSameNameAndAMigrationInBetween() {
        CLUSTER.client().services().inNamespace("micro-shake-factory").resource(new ServiceBuilder()
                .withNewMetadata().withName("veg-api").withNamespace("micro-shake-factory").endMetadata()
                .withNewSpec().withClusterIP(VEG_IP).addNewPort().withName("http").withPort(80).withProtocol("TCP")
                .endPort().endSpec().build()).create();
        assertThat(ok("init", "--domain", "internal").out()).contains("Mode: istiocoredns");
        assertThat(ok("init", "--domain", "corp.example", "--mode", "coredns").out()).contains("Mode: coredns");
        ok("alias", "add", "yy", "fruits-api-service.micro-shake-factory", "--domain", "internal");
        ok("alias", "add", "yy", "veg-api.micro-shake-factory", "--domain", "corp.example");
        answers("yy.internal", List.of(RealCluster.FRUITS_IP));
        answers("yy.corp.example", List.of(VEG_IP));

        CLUSTER.removeIstiocoredns(true);
        assertThat(ok("init", "--domain", "internal").out())
                .contains("Mode: coredns (migrated from istiocoredns mode, 1 alias)");
        answers("yy.internal", List.of(RealCluster.FRUITS_IP));
        assertThat(query("yy.corp.example").addresses()).as("the migration left the other zone's yy alone")
                .containsExactly(VEG_IP);

        ok("alias", "add", "zz", "fruits-api-service.micro-shake-factory", "--domain", "internal");
        answers("zz.internal", List.of(RealCluster.FRUITS_IP));
        nxdomain("zz.corp.example");

        ok("alias", "remove", "yy", "--domain", "corp.example");
        nxdomain("yy.corp.example");
        assertThat(query("yy.internal").addresses()).as("the other zone's yy still answers")
                .containsExactly(RealCluster.FRUITS_IP);
        ok("verify", "--domain", "internal", "--nameserver", CLUSTER.kubeDnsAddress(), "--wait", "--timeout", "60s",
                "--interval", "1s");

        ok("reset", "--aliases");
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
    }
}
