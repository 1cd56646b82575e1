package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 5 through the CLI: damage is refused with exit 5 and a fix; check refuses what CoreDNS refuses. */
class DamagedCorefileCliTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aMarkerForAnotherZoneIsRefusedNotAppendedTo() throws Exception {
        String root = RecipeCluster.corpus("kubeadm-1.28.corefile");
        CliRun other = CliRun.runWith(java.util.Map.of(), root, "corefile", "stub-domain", "--domain", "other",
                "--forward-to", "10.96.100.53");
        Path damaged = write("damaged", other.out().replace("other:53 {", "internal:53 {"));
        CliRun run = CliRun.run("corefile", "stub-domain", "--domain", "internal", "--forward-to", "10.96.100.53",
                "--file", damaged.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).contains("zone other").contains("; fix: remove the svcalias lines");
        CliRun check = CliRun.run("corefile", "check", "--file", damaged.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(5);
    }

    @Test
    void checkRefusesTwoRootBlocks() throws Exception {
        Path twice = write("twice", ".:53 {\n    whoami\n}\n. {\n    whoami\n}\n");
        CliRun run = CliRun.run("corefile", "check", "--file", twice.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("line 4, column 1").contains("already defined");
    }

    @Test
    void checkRefusesABlockAfterABraceLessOne() throws Exception {
        Path file = write("braceless", ".:53\nwhoami\nextra {\n}\n");
        CliRun run = CliRun.run("corefile", "check", "--file", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("line 3, column 1");
    }
}
