package dev.svcalias.cli;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import dev.svcalias.testing.RecipeCluster.Era;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock cluster most CLI tests start from: the recipe's cluster (CoreDNS 1.6.2 era, istiocoredns) on a fresh
 * mock API server per test, and the {@code --kubeconfig=...} flag pointing at it. A subclass's own
 * {@code @BeforeEach} runs after this one, so it can build on the cluster (e.g. run init).
 */
abstract class RecipeClusterCase {
    @TempDir
    Path dir;
    RecipeCluster cluster;
    String kc;

    @BeforeEach
    void startRecipeCluster() {
        cluster = new RecipeCluster(Era.COREDNS_1_6_2, dir);
        kc = cluster.kubeconfigFlag();
    }

    /** Runs svcalias against this cluster (--kubeconfig added) and checks the exit code. */
    CliRun run(int expected, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = kc;
        CliRun run = CliRun.run(all);
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.toString()).isEqualTo(expected);
        return run;
    }

    @AfterEach
    void stopRecipeCluster() {
        cluster.close();
    }
}
