package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, defect 12: 'reset --domain internal.' is the zone internal, not "nothing to reset". */
class ResetTrailingDotTest {
    @TempDir
    Path dir;

    @Test
    void aTrailingDotNamesTheSameZone() {
        try (RecipeCluster cluster = new RecipeCluster(Era.COREDNS_1_6_2, dir)) {
            String before = cluster.corefile("kube-system");
            assertThat(CliRun.run("init", "--domain", "internal", cluster.kubeconfigFlag()).exitCode()).isZero();
            CliRun reset = CliRun.run("reset", "--domain", "internal.", cluster.kubeconfigFlag());
            assertThat(reset.exitCode()).as(reset.toString()).isZero();
            assertThat(reset.out()).contains("removed zone internal");
            assertThat(cluster.corefile("kube-system")).isEqualTo(before);
        }
    }
}
