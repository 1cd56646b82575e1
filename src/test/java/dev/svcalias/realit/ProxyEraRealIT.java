package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.CorednsConfigCheck;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The istiocoredns of Istio 1.1-1.3: CoreDNS 1.1.2 with the proxy plugin. When the testbed could build CoreDNS
 * 1.1.2 the whole recipe runs through it; the proxy form is also checked against the current CoreDNS's -conf
 * load, where the only thing refused must be the proxy directive itself (it left CoreDNS in 1.5.0).
 */
class ProxyEraRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.ISTIOCOREDNS_ERA, RealCluster.Era.PROXY);

    @Test
    void initWritesTheProxyFormItResolvesAndResetRestoresBothConfigMaps() {
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        String istio = CLUSTER.corefile("istio-system");
        assertThat(istio).startsWith(CLUSTER.seededIstioCorefile()).contains("proxy internal 127.0.0.1:8053 {");

        if (CLUSTER.istiocorednsRuns()) {
            assertThat(CLUSTER.runCoreDnsConfigCheck(CLUSTER.istiocorednsVersion(), istio).started()).isTrue();
            CliRun add = CliRun.run("add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
            assertThat(add.exitCode()).as(add.toString()).isZero();
            CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--wait", "--timeout",
                    "60s", "--interval", "1s", kc);
            assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
            DnsAnswer a = new DnsjavaClient(Duration.ofSeconds(2)).query("my-fruits.internal", RecordType.A,
                    Nameserver.parse(CLUSTER.kubeDnsAddress()));
            assertThat(a.addresses()).containsExactly(RealCluster.FRUITS_IP);
            assertThat(CliRun.run("alias", "remove", "my-fruits", kc).exitCode()).isZero();
        }

        // current CoreDNS stops at the first proxy line: the seeded one, never at anything svcalias added
        CorednsConfigCheck.Outcome original = CLUSTER.corednsLoads(CLUSTER.seededIstioCorefile());
        CorednsConfigCheck.Outcome edited = CLUSTER.corednsLoads(istio);
        assertThat(original.started()).isFalse();
        assertThat(edited.started()).isFalse();
        assertThat(edited.log()).contains("Unknown directive 'proxy'");
        assertThat(errorLine(edited.log())).isEqualTo(errorLine(original.log()));
        // with every proxy rewritten to forward/grpc, the edited file loads: the rest of svcalias's block is valid
        String asForward = istio.replace("proxy . /etc/resolv.conf", "forward . /etc/resolv.conf")
                .replaceAll("proxy (\\S+) 127.0.0.1:8053 \\{\\s*protocol grpc insecure\\s*}", "grpc $1 127.0.0.1:8053");
        CorednsConfigCheck.Outcome loads = CLUSTER.corednsLoads(asForward);
        assertThat(loads.started()).as(loads.log()).isTrue();

        assertThat(CliRun.run("reset", kc).exitCode()).isZero();
        assertThat(CLUSTER.corefile("istio-system")).isEqualTo(CLUSTER.seededIstioCorefile());
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
    }

    /** "FILE:LINE - Error during parsing: Unknown directive 'proxy'" without the (temporary) file name. */
    private static String errorLine(String log) {
        String line = log.lines().filter(l -> l.contains("Unknown directive")).findFirst().orElse("");
        return line.contains(".Corefile:") ? line.substring(line.indexOf(".Corefile:")) : line;
    }
}
