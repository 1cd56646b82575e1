package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 7: an alias in a zone init never set up could never resolve: refused with the fix. */
class ZoneNotSetUpTest {
    @TempDir
    Path dir;

    @Test
    void aliasAddInAZoneWithoutInitIsExit5() {
        try (RecipeCluster cluster = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            assertThat(CliRun.run("init", "--domain", "internal", cluster.kubeconfigFlag()).exitCode()).isZero();
            CliRun run = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory",
                    "--domain", "nope", cluster.kubeconfigFlag());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
            assertThat(run.err()).hasLineCount(1).contains("zone nope")
                    .contains("fix: run 'svcalias init --domain nope'");
            CliRun list = CliRun.run("alias", "list", "-o", "json", cluster.kubeconfigFlag());
            assertThat(list.out()).doesNotContain("nope");
            CliRun ok = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory",
                    "--domain", "internal", cluster.kubeconfigFlag());
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
        }
    }
}
