package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.FakeDnsServer;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The recipe end to end through the production wiring: init, add, list, verify, remove, reset. */
class WorkflowTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Era.class)
    void fullPathLeavesTheClusterAsItWas(Era era) throws Exception {
        try (RecipeCluster cluster = new RecipeCluster(era, dir);
             FakeDnsServer dns = new FakeDnsServer(new ChainDns(cluster)::answer)) {
            String kc = cluster.kubeconfigFlag();

            CliRun init = CliRun.run("init", "--domain", "internal", kc);
            assertThat(init.exitCode()).as(init.toString()).isZero();
            assertThat(init.out()).contains("configmap kube-system/coredns").contains("configmap istio-system/coredns")
                    .contains(RecipeCluster.ISTIOCOREDNS_IP).contains(era.version);
            String kubeDns = cluster.corefile("kube-system");
            String istio = cluster.corefile("istio-system");
            assertThat(kubeDns).startsWith(cluster.kubeDnsCorefile).contains("forward . " + RecipeCluster.ISTIOCOREDNS_IP);
            assertThat(istio).startsWith(cluster.istioCorefile)
                    .contains(era == Era.COREDNS_1_1_2 ? "proxy internal 127.0.0.1:8053" : "grpc internal 127.0.0.1:8053");

            CliRun again = CliRun.run("init", "--domain", "internal", kc);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("unchanged").doesNotContain(" changed\n");
            assertThat(cluster.corefile("kube-system")).isEqualTo(kubeDns);

            CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
            assertThat(add.exitCode()).as(add.toString()).isZero();
            assertThat(add.out()).contains("my-fruits.internal").contains(RecipeCluster.FRUITS_IP).contains("created");
            CliRun addAgain = CliRun.run("add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
            assertThat(addAgain.exitCode()).as(addAgain.toString()).isZero();
            assertThat(addAgain.out()).contains("unchanged");

            CliRun list = CliRun.run("alias", "list", "-o", "json", kc);
            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.out()).contains("\"alias\": \"my-fruits.internal\"")
                    .contains("\"target\": \"fruits-api-service.micro-shake-factory\"")
                    .contains("\"inSync\": true");

            CliRun verify = CliRun.run("verify", "--nameserver", dns.address(), kc);
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(verify.out()).contains("my-fruits.internal").contains(RecipeCluster.FRUITS_IP).contains("ok");

            CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
            assertThat(remove.exitCode()).as(remove.toString()).isZero();
            CliRun verifyGone = CliRun.run("verify", "my-fruits", "--nameserver", dns.address(), kc);
            assertThat(verifyGone.exitCode()).as(verifyGone.toString()).isEqualTo(2);

            CliRun reset = CliRun.run("reset", kc);
            assertThat(reset.exitCode()).as(reset.toString()).isZero();
            assertThat(cluster.corefile("kube-system")).isEqualTo(cluster.kubeDnsCorefile);
            assertThat(cluster.corefile("istio-system")).isEqualTo(cluster.istioCorefile);
            assertThat(cluster.client.configMaps().inNamespace("kube-system").withName("coredns").get()
                    .getMetadata().getAnnotations()).doesNotContainKey("svcalias.dev/original-corefile");
        }
    }
}
