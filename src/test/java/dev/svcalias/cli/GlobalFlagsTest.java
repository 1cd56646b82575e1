package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 11: kubectl users put global flags first; both positions work. */
class GlobalFlagsTest {
    @TempDir
    Path dir;

    @Test
    void globalFlagsBeforeOrAfterTheSubcommand() {
        try (RecipeCluster cluster = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            String kubeconfig = cluster.kubeconfig.toString();
            CliRun before = CliRun.run("--kubeconfig", kubeconfig, "-o", "json", "--no-color", "-v", "status");
            assertThat(before.exitCode()).as(before.toString()).isZero();
            assertThat(before.out()).startsWith("{");
            CliRun after = CliRun.run("status", "--kubeconfig", kubeconfig, "-o", "json");
            assertThat(after.exitCode()).as(after.toString()).isZero();
            assertThat(after.out()).isEqualTo(before.out());
            CliRun nested = CliRun.run("--kubeconfig", kubeconfig, "alias", "-o", "yaml", "list");
            assertThat(nested.exitCode()).as(nested.toString()).isZero();
            assertThat(nested.out()).startsWith("aliases:");
            CliRun context = CliRun.run("--kubeconfig", kubeconfig, "--context", "no-such-context", "status");
            assertThat(context.exitCode()).as(context.toString()).isNotZero();
            assertThat(context.err()).contains("no-such-context");
        }
    }
}
