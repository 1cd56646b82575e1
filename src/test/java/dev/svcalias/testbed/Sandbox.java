package dev.svcalias.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The testbed for people: starts the same local API server, kube-dns, istiocoredns and Istio plugin as the
 * *RealIT tests, seeded like the recipe's cluster, writes STATE_DIR/env (KUBECONFIG and the DNS addresses) and
 * runs until stopped (SIGTERM tears everything down). Started by src/testbed/sandbox.sh.
 * Arguments: STATE_DIR [grpc|proxy|coredns|istio] (the istiocoredns era: Istio 1.4-1.8's CoreDNS 1.6.2, or
 * 1.1-1.3's 1.1.2; coredns: a cluster without istiocoredns, as after an upgrade past Istio 1.8 or without Istio;
 * istio: that cluster plus a real istiod and a meshed client's DNS, Istio's DNS proxy, see {@link IstioMesh};
 * node: a real one-node cluster, see {@link NodeCluster}, which needs root).
 */
public final class Sandbox {
    private Sandbox() {}

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir") + "/svcalias-sandbox");
        if (args.length > 1 && args[1].equals("node")) {
            node(state);
            return;
        }
        RealCluster.Era era = args.length > 1 && args[1].equals("proxy") ? RealCluster.Era.PROXY : RealCluster.Era.GRPC;
        Files.createDirectories(state);
        RealCluster cluster = RealCluster.of(RealCluster.Crd.CURRENT, era);
        boolean istio = args.length > 1 && args[1].equals("istio");
        IstioMesh mesh = istio ? IstioMesh.on(cluster) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (mesh != null) {
                mesh.afterAll(null);
            }
            cluster.afterAll(null);
            stopped.countDown();
        }));
        cluster.beforeAll(null);
        boolean noIstiocoredns = istio || (args.length > 1 && args[1].equals("coredns"));
        if (noIstiocoredns) {
            cluster.removeIstiocoredns(false);
        }
        String meshEnv = "";
        if (mesh != null) {
            mesh.beforeAll(null);
            meshEnv = "export SVCALIAS_SANDBOX_MESH_DNS=" + mesh.meshedClient().dnsAddress() + "\n"
                    + "export SVCALIAS_SANDBOX_ISTIOD=" + mesh.istiod().httpAddress() + "\n";
        }
        Files.writeString(state.resolve("env"), "export KUBECONFIG=" + cluster.adminKubeconfig() + "\n"
                + "export SVCALIAS_SANDBOX_DNS=" + cluster.kubeDnsAddress() + "\n"
                + "export SVCALIAS_SANDBOX_ISTIOCOREDNS=" + cluster.istiocorednsAddress() + "\n"
                + "export SVCALIAS_SANDBOX_PLUGIN=" + cluster.pluginAddress() + "\n"
                + "export SVCALIAS_SANDBOX_AUDIT_LOG=" + cluster.auditLog() + "\n" + meshEnv);
        System.out.println("sandbox ready: KUBECONFIG=" + cluster.adminKubeconfig() + " kube-dns="
                + cluster.kubeDnsAddress() + (noIstiocoredns ? " (no istiocoredns)" : " istiocoredns="
                + cluster.istiocorednsAddress() + " (CoreDNS " + cluster.istiocorednsVersion() + ")"));
        stopped.await();
    }

    /** A real one-node cluster ({@link NodeCluster}): CoreDNS pods behind kube-dns's ClusterIP, probe pods run. */
    private static void node(Path state) throws Exception {
        Files.createDirectories(state);
        NodeCluster cluster = NodeCluster.kubeadm();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.afterAll(null);
            stopped.countDown();
        }));
        cluster.beforeAll(null);
        Files.writeString(state.resolve("env"), "export KUBECONFIG=" + cluster.adminKubeconfig() + "\n"
                + "export SVCALIAS_SANDBOX_DNS=" + NodeCluster.KUBE_DNS_IP + "\n"
                + "export SVCALIAS_SANDBOX_ISTIOCOREDNS=none\nexport SVCALIAS_SANDBOX_PLUGIN=none\n"
                + "export SVCALIAS_SANDBOX_NODE=1\n");
        System.out.println("sandbox ready (a real node): KUBECONFIG=" + cluster.adminKubeconfig() + " kube-dns="
                + NodeCluster.KUBE_DNS_IP + " (through kube-proxy), CoreDNS pods " + cluster.corednsPodIps());
        stopped.await();
    }
}
