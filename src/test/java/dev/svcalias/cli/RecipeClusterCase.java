package dev.svcalias.cli;

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

    @AfterEach
    void stopRecipeCluster() {
        cluster.close();
    }
}
