package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 2: offline edits keep bytes, not just characters; a Latin-1 comment comes back byte for byte. */
class CorefileBytesTest {
    @TempDir
    Path dir;

    /** kubeadm's Corefile with a comment in ISO-8859-1 ("café" with é as the single byte 0xE9), invalid UTF-8. */
    private static byte[] latin1Corefile() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("# caf".getBytes(StandardCharsets.US_ASCII));
        b.write(0xE9);
        b.writeBytes(" \u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(RecipeCluster.corpus("kubeadm-1.28.corefile").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    @Test
    void aNoOpRemoveGivesBackTheSameBytesFromStdin() {
        byte[] original = latin1Corefile();
        CliRun run = CliRun.withStdinBytes(original, "corefile", "remove", "--domain", "internal");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outBytes()).isEqualTo(original);
    }

    @Test
    void stubDomainThenRemoveGivesBackTheSameBytesFromAFile() throws Exception {
        byte[] original = latin1Corefile();
        Path file = dir.resolve("Corefile");
        Files.write(file, original);
        CliRun added = CliRun.run("corefile", "stub-domain", "--domain", "internal", "--forward-to",
                "10.96.100.53", "--file", file.toString());
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(Arrays.copyOf(added.outBytes(), original.length)).isEqualTo(original);
        Files.write(file, added.outBytes());
        CliRun removed = CliRun.run("corefile", "remove", "--domain", "internal", "--file", file.toString());
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.outBytes()).isEqualTo(original);
    }

    @Test
    void utf8StaysUtf8() {
        byte[] original = ("# café ünïcödé 名前\n" + RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .getBytes(StandardCharsets.UTF_8);
        CliRun run = CliRun.withStdinBytes(original, "corefile", "remove", "--domain", "internal");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outBytes()).isEqualTo(original);
    }
}
