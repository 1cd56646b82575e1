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

    /** Issue 9: braces CoreDNS is lenient about pass with a warning; a version narrows check to that release. */
    @Test
    void checkWarnsAboutLenientBracesAndFollowsTheVersion() throws Exception {
        Path lenient = dir.resolve("lenient");
        Files.writeString(lenient, ".:53 {\n    whoami\n    forward . 1.1.1.1 {\n        max_fails 2\n    }\n");
        CliRun warned = CliRun.run("corefile", "check", "--file", lenient.toString());
        assertThat(warned.exitCode()).as(warned.toString()).isZero();
        assertThat(warned.out()).isEmpty();
        assertThat(warned.err()).startsWith("warning: " + lenient + ": line 1: the server block '.:53' opened at")
                .hasLineCount(1);
        CliRun edit = CliRun.run("corefile", "stub-domain", "--domain", "internal", "--forward-to", "10.96.100.53",
                "--file", lenient.toString());
        assertThat(edit.exitCode()).as(edit.toString()).isEqualTo(5);
        assertThat(edit.out()).isEmpty();
        Path grpc = dir.resolve("grpc");
        Files.writeString(grpc, ".:53 {\n    grpc . 127.0.0.1:8053\n}\n");
        assertThat(CliRun.run("corefile", "check", "--file", grpc.toString()).exitCode()).isZero();
        CliRun old = CliRun.run("corefile", "check", "--coredns-version", "1.1.2", "--file", grpc.toString());
        assertThat(old.exitCode()).as(old.toString()).isEqualTo(2);
        assertThat(old.err()).contains("line 2, column 5: plugin 'grpc' does not exist in CoreDNS 1.1.2");
        CliRun bad = CliRun.run("corefile", "check", "--coredns-version", "one", "--file", grpc.toString());
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
    }

    /** Issue 17, item 15: the four shapes the trial found exit 2 with where, as CoreDNS 1.14.7 refuses them. */
    @Test
    void checkRefusesTheShapesCorednsRefuses() throws Exception {
        Map<String, String> shapes = Map.of(
                ".:53 {\n    forward\n}\n", "line 2, column 5: plugin 'forward' needs FROM and at least one TO",
                ".:99999 {\n    whoami\n}\n", "line 1, column 1: '.:99999': 99999 is not a valid port",
                ".:53 {\n    kubernetes cluster.local {\n        pods sometimes\n    }\n}\n",
                "line 3, column 14: 'sometimes' is not a value of 'pods'",
                ".:53 {\n    forward . 10.0.0.10 {\n        {\n    }\n}\n",
                "line 3, column 9: unknown property '{' of plugin 'forward'");
        for (var shape : shapes.entrySet()) {
            Path file = dir.resolve("shape");
            Files.writeString(file, shape.getKey());
            for (String version : new String[] {"1.14.7", "1.6.2"}) {
                CliRun run = CliRun.run("corefile", "check", "--coredns-version", version, "--file", file.toString());
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
                assertThat(run.err()).startsWith("error: " + file + ": " + shape.getValue()).hasLineCount(1);
            }
            CliRun any = CliRun.run("corefile", "check", "--file", file.toString());
            assertThat(any.exitCode()).as(any.toString()).isEqualTo(2);
        }
    }

    /** Issue 17, item 18: a Corefile has no JSON or YAML form; -o json/yaml is a usage error, not a Corefile. */
    @Test
    void corefileCommandsRefuseJsonAndYaml() throws Exception {
        Path file = dir.resolve("Corefile");
        Files.writeString(file, RecipeCluster.corpus("kubeadm-1.28.corefile"));
        String f = file.toString();
        String[][] runs = {
            {"corefile", "stub-domain", "--domain", "internal", "--forward-to", "10.96.100.53", "-f", f, "-o", "json"},
            {"-o", "yaml", "corefile", "istio", "--domain", "internal", "--coredns-version", "1.6.2", "-f", f},
            {"corefile", "remove", "--domain", "internal", "-f", f, "--output", "json"},
            {"corefile", "check", "-f", f, "-o", "yaml"}};
        for (String[] args : runs) {
            CliRun run = CliRun.run(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("error: -o ").contains("prints the Corefile").contains("; fix: ")
                    .hasLineCount(1);
        }
        assertThat(CliRun.run("corefile", "check", "-f", f, "-o", "table").exitCode()).isZero();
    }
}
