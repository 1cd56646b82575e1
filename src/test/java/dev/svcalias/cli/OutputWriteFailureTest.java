package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.JvmProcess;
import dev.svcalias.testing.RecipeCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 1: a failed write to stdout is exit 6 with one line on stderr, never exit 0 with cut output. */
class OutputWriteFailureTest {
    @TempDir
    Path dir;

    private Path corefile() throws IOException {
        Path file = dir.resolve("Corefile");
        // long enough (about 6 KB) that a 2 KB file-size limit cuts the output
        String comments = ("# " + "x".repeat(60) + "\n").repeat(100);
        Files.writeString(file, comments + RecipeCluster.corpus("kubeadm-1.28.corefile"), StandardCharsets.UTF_8);
        return file;
    }

    /** corefile stub-domain writing to a stdout whose every write fails with {@code message}. */
    private CliRun stubDomainTo(String message) throws IOException {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }
        };
        return CliRun.toStdout(failing, "corefile", "stub-domain", "--domain", "internal", "--forward-to",
                "10.96.100.53", "--file", corefile().toString());
    }

    @Test
    void aStdoutThatFailsIsExit6() throws IOException {
        CliRun run = stubDomainTo("No space left on device");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(6);
        assertThat(run.err()).hasLineCount(1).startsWith("error: could not write the output")
                .contains("No space left on device").contains("; fix: ");
    }

    /** Issue 17, item 18: `alias list | head` closing the pipe is not a full disk. */
    @Test
    void aClosedPipeIsNotCalledAFullDisk() throws IOException {
        CliRun run = stubDomainTo("Broken pipe");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(6);
        assertThat(run.err()).hasLineCount(1).contains("Broken pipe").contains("stopped reading")
                .doesNotContain("free space");
    }

    @Test
    void devFullIsExit6() throws Exception {
        JvmProcess.Result r = JvmProcess.run("", "> /dev/full", "corefile", "stub-domain", "--domain", "internal",
                "--forward-to", "10.96.100.53", "--file", corefile().toString());
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(6);
        assertThat(r.stderr()).startsWith("error: could not write the output").contains("No space left");
    }

    @Test
    void aFileSizeLimitIsExit6() throws Exception {
        Path out = dir.resolve("out");
        JvmProcess.Result r = JvmProcess.run("ulimit -f 2;", "> '" + out + "'", "corefile", "stub-domain",
                "--domain", "internal", "--forward-to", "10.96.100.53", "--file", corefile().toString());
        assertThat(Files.size(out)).isLessThan(Files.size(corefile()));
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(6);
        assertThat(r.stderr()).startsWith("error: could not write the output");
    }

    @Test
    void helpOnDevFullIsExit6Too() throws Exception {
        JvmProcess.Result r = JvmProcess.run("", "> /dev/full", "--help");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(6);
    }

    /** Issue 17, item 11: a write to the cluster, then a failed print: the error line says what was changed. */
    @Test
    void aFailedPrintAfterClusterWritesSaysWhatWasChanged() throws IOException {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        try (RecipeCluster cluster = new RecipeCluster(RecipeCluster.Era.COREDNS_1_6_2, dir)) {
            CliRun init = CliRun.toStdout(failing, "init", "--domain", "internal", cluster.kubeconfigFlag());
            assertThat(init.exitCode()).as(init.toString()).isEqualTo(6);
            assertThat(init.err()).hasLineCount(1).contains("the cluster was already changed").contains("internal")
                    .contains("; fix: the change stands");
            assertThat(cluster.corefile("kube-system")).contains("internal:53 {");

            CliRun add = CliRun.toStdout(failing, "alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory",
                    cluster.kubeconfigFlag());
            assertThat(add.exitCode()).as(add.toString()).isEqualTo(6);
            assertThat(add.err()).hasLineCount(1).contains("the cluster was already changed").contains("my-fruits")
                    .contains("created");

            Path file = dir.resolve("aliases.yaml");
            Files.writeString(file, "domain: internal\naliases:\n  - name: other\n    target: fruits-api-service.micro-shake-factory\n");
            CliRun apply = CliRun.toStdout(failing, "apply", "-f", file.toString(), cluster.kubeconfigFlag());
            assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(6);
            assertThat(apply.err()).hasLineCount(1).contains("the cluster was already changed").contains("other");

            CliRun dryRun = CliRun.toStdout(failing, "alias", "add", "third", "fruits-api-service.micro-shake-factory",
                    "--dry-run", cluster.kubeconfigFlag());
            assertThat(dryRun.exitCode()).isEqualTo(6);
            assertThat(dryRun.err()).doesNotContain("already changed");
        }
    }
}
