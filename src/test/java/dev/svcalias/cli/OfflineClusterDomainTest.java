package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 3: the offline edits read the cluster domain from the Corefile's kubernetes plugin, as init does. */
class OfflineClusterDomainTest {
    @TempDir
    Path dir;

    private Path corpExample() throws Exception {
        Path file = dir.resolve("Corefile");
        Files.writeString(file, RecipeCluster.corpus("kubeadm-1.28.corefile")
                .replace("kubernetes cluster.local", "kubernetes corp.example"));
        return file;
    }

    @Test
    void theClusterDomainOfTheFileIsRefused() throws Exception {
        for (String zone : new String[] {"corp.example", "svc.corp.example", "example"}) {
            CliRun run = CliRun.run("corefile", "stub-domain", "--domain", zone, "--forward-to", "10.96.100.53",
                    "--file", corpExample().toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("corp.example").hasLineCount(1);
        }
        CliRun istio = CliRun.run("corefile", "remove", "--domain", "corp.example", "--file",
                corpExample().toString());
        assertThat(istio.exitCode()).as(istio.toString()).isEqualTo(2);
    }

    @Test
    void anotherZoneIsEdited() throws Exception {
        CliRun run = CliRun.run("corefile", "stub-domain", "--domain", "internal", "--forward-to", "10.96.100.53",
                "--file", corpExample().toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("internal:53 {");
    }
}
