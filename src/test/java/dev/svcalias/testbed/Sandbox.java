package dev.svcalias.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The testbed for people: starts the same local API server, kube-dns, istiocoredns and Istio plugin as the
 * *RealIT tests, seeded like the recipe's cluster, writes STATE_DIR/env (KUBECONFIG and the kube-dns address)
 * and runs until stopped. Started by src/testbed/sandbox.sh.
 */
public final class Sandbox {
    private Sandbox() {}

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir") + "/svcalias-sandbox");
        Files.createDirectories(state);
        RealCluster cluster = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.afterAll(null);
            stopped.countDown();
        }));
        cluster.beforeAll(null);
        Files.writeString(state.resolve("env"), "export KUBECONFIG=" + cluster.adminKubeconfig() + "\n"
                + "export SVCALIAS_SANDBOX_DNS=" + cluster.kubeDnsAddress() + "\n");
        System.out.println("sandbox ready: KUBECONFIG=" + cluster.adminKubeconfig() + " kube-dns="
                + cluster.kubeDnsAddress());
        stopped.await();
    }
}
