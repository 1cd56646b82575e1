package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9, defect 14: --forward-to takes only addresses that can be a ClusterIP. */
class ForwardToAddressTest {
    private static CliRun stubDomain(String ip) {
        return CliRun.runWith(Map.of(), RecipeCluster.corpus("kubeadm-1.28.corefile"), "corefile", "stub-domain",
                "--domain", "internal", "--forward-to", ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "255.255.255.255", "224.0.0.1", "239.1.2.3", "ff02::1", "127.0.0.1",
            "127.1.2.3", "::1"})
    void addressesThatCanNeverBeAClusterIpAreRefused(String ip) {
        CliRun run = stubDomain(ip);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).contains("--forward-to " + ip).contains("; fix: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.96.100.53", "172.20.0.10", "fd00:10:96::a"})
    void clusterIpsAreTaken(String ip) {
        CliRun run = stubDomain(ip);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("forward . " + ip);
    }
}
