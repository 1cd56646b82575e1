package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.JvmProcess;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 13: one clean line per error, with a fix; echoed input escaped and cut. */
class MessagesTest {
    @TempDir
    Path dir;

    @Test
    void echoedInputIsEscapedAndCut() {
        CliRun escape = CliRun.run("corefile", "stub-domain", "--domain", "a\u001b[31mred", "--forward-to", "10.0.0.1");
        assertThat(escape.exitCode()).isEqualTo(2);
        assertThat(escape.err()).doesNotContain("\u001b").contains("\\x1b[31mred").hasLineCount(1);
        String huge = "x".repeat(5_000_000);
        CliRun cut = CliRun.run("verify", "--timeout", huge);
        assertThat(cut.exitCode()).isEqualTo(2);
        assertThat(cut.err().length()).isLessThan(400);
        assertThat(cut.err()).contains("x".repeat(80) + "...");
        CliRun unknown = CliRun.run("status", "--" + huge);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().length()).isLessThan(1400);
    }

    @Test
    void suggestedFixesAreValidAndHintsNameRealCommands() {
        CliRun run = CliRun.run("corefile", "remove", "--domain", "My_Zone!");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("use 'my_zone!'").contains("; fix: ");
        CliRun upper = CliRun.run("corefile", "remove", "--domain", "Internal");
        assertThat(upper.err()).contains("use 'internal'");
    }

    @Test
    void fileAndKubeconfigProblemsSayWhatIsWrong() throws Exception {
        CliRun empty = CliRun.run("corefile", "check", "--file", "");
        assertThat(empty.err()).contains("--file is empty").doesNotContain("directory");
        CliRun directory = CliRun.run("corefile", "check", "--file", dir.toString());
        assertThat(directory.err()).contains("is a directory");
        CliRun kubeconfigDir = CliRun.run("status", "--kubeconfig", dir.toString());
        assertThat(kubeconfigDir.exitCode()).isEqualTo(2);
        assertThat(kubeconfigDir.err()).contains("is a directory").doesNotContain("does not exist");
        Path unreadable = dir.resolve("unreadable");
        Files.writeString(unreadable, ".:53 {\n}\n");
        if (unreadable.toFile().setReadable(false) && !Files.isReadable(unreadable)) { // root reads anything
            CliRun denied = CliRun.run("corefile", "check", "--file", unreadable.toString());
            assertThat(denied.err()).contains("permission denied");
        }
    }

    @Test
    void aClosedStdinIsSaidSoNotReadAsGarbage() throws Exception {
        JvmProcess.Result r = JvmProcess.run("", "<&-", "corefile", "check");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("error: cannot read standard input: standard input is closed; fix: pass the "
                + "Corefile on standard input or with --file\n");
    }

    @Test
    void anUnparsableCorefileInTheClusterIsNamedAndIsExit5() {
        try (RecipeCluster cluster = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            var cm = cluster.client.configMaps().inNamespace("kube-system").withName("coredns").get();
            cm.getData().put("Corefile", ".:53 {\n    errors\n");
            cluster.client.configMaps().inNamespace("kube-system").resource(cm).update();
            CliRun run = CliRun.run("status", cluster.kubeconfigFlag());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
            assertThat(run.err()).hasLineCount(1).startsWith("error: configmap kube-system/coredns (key Corefile): "
                    + "line").contains("; fix: fix the Corefile (kubectl -n kube-system edit configmap coredns)");
        }
    }
}
