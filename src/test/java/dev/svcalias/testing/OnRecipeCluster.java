package dev.svcalias.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the CLI tests that each start from the recipe's cluster (mock API, istiocoredns on CoreDNS 1.6.2): a
 * fresh {@link RecipeCluster} per test, its {@code --kubeconfig} flag, closed after the test.
 */
public abstract class OnRecipeCluster {
    @TempDir
    protected Path dir;
    protected RecipeCluster cluster;
    protected String kc;

    @BeforeEach
    void startRecipeCluster() {
        cluster = new RecipeCluster(RecipeCluster.Era.COREDNS_1_6_2, dir);
        kc = cluster.kubeconfigFlag();
    }

    @AfterEach
    void stopRecipeCluster() {
        cluster.close();
    }
}
