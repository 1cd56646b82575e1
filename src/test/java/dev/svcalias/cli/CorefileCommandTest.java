package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline GitOps commands: stdin or --file in, the result on stdout, nothing else on success. */
class CorefileCommandTest {
    @TempDir
    Path dir;

    @Test
    void stubDomainThenRemoveRoundTripsThroughStdin() {
        String original = RecipeCluster.corpus("kubeadm-1.28.corefile");
        CliRun added = CliRun.runWith(Map.of(), original, "corefile", "stub-domain", "--domain", "internal",
                "--forward-to", "10.96.100.53");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.err()).isEmpty();
        assertThat(added.out()).startsWith(original).contains("forward . 10.96.100.53");
        CliRun removed = CliRun.runWith(Map.of(), added.out(), "corefile", "remove", "--domain", "internal");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.out()).isEqualTo(original);
    }

    @Test
    void istioEditFollowsTheVersion() throws Exception {
        Path file = dir.resolve("Corefile");
        Files.writeString(file, RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"));
        CliRun grpc = CliRun.run("corefile", "istio", "--domain", "internal", "--coredns-version", "1.6.2",
                "--file", file.toString());
        assertThat(grpc.exitCode()).as(grpc.toString()).isZero();
        assertThat(grpc.out()).contains("grpc internal 127.0.0.1:8053");
        CliRun refused = CliRun.run("corefile", "istio", "--domain", "internal", "--coredns-version", "1.1.2",
                "--file", file.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("grpc").contains("1.1.2").hasLineCount(1);
    }

    @Test
    void checkReportsLineAndColumn() throws Exception {
        Path good = dir.resolve("good");
        Files.writeString(good, RecipeCluster.corpus("k3s-default.corefile"));
        CliRun ok = CliRun.run("corefile", "check", "--file", good.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).isEmpty();
        Path bad = dir.resolve("bad");
        Files.writeString(bad, ".:53 {\n    errors\n");
        CliRun failed = CliRun.run("corefile", "check", "--file", bad.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        assertThat(failed.err()).matches("(?s)error: .*bad: line \\d+, column \\d+: .*\\n");
        CliRun missing = CliRun.run("corefile", "check", "--file", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        CliRun run = CliRun.runWith(Map.of(), "", "corefile", "stub-domain", "--domain", "internal",
                "--forward-to", "not-an-ip");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not an IP address").hasLineCount(1);
    }
}
