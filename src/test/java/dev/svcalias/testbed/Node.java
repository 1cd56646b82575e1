package dev.svcalias.testbed;

import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real one-node cluster's node on this machine: containerd + runc (Debian's), the kubelet, kube-proxy (iptables
 * mode), kube-scheduler and kube-controller-manager (built with kube-apiserver), pods on a bridge with the CNI
 * plugins. {@link #prepareHost()} makes the bridge first (the API server listens on its address, which pods reach);
 * {@link #join} starts the rest against that API server. Everything it makes is recorded in {@link NodeLeftovers}
 * and removed on {@link #close()}, and at the next start after a crash. Needs root and cgroup v1 or v2 hierarchies.
 */
final class Node implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "svcalias-node");
    final String name;
    private final NodeLeftovers leftovers = new NodeLeftovers(ROOT);
    private final List<LocalProcess> components = new ArrayList<>();
    private Containerd containerd;
    private final Thread hook = new Thread(this::stop, "stop-node");
    private final NodeLock lock;

    private Node(NodeLock lock) {
        this.name = hostname();
        this.lock = lock;
    }

    /** Why a node cannot run here (not root, no cgroups), or empty. */
    static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a real node needs root (containerd, the kubelet, iptables, a bridge)");
        }
        if (!Files.isDirectory(Path.of("/sys/fs/cgroup/memory")) && !Files.exists(Path.of("/sys/fs/cgroup/cgroup.procs"))) {
            return Optional.of("a real node needs cgroups (/sys/fs/cgroup has neither v1 hierarchies nor v2)");
        }
        return Optional.empty();
    }

    /** Removes a crashed node's leftovers, then makes the bridge, the forward rule and the cgroup root. */
    static Node prepareHost() {
        // one node per machine (one bridge, fixed addresses): a second JVM waits here until the first has stopped,
        // before its leftovers clean-up could remove a running node
        Node node = new Node(NodeLock.acquire());
        try {
            node.leftovers.remove();
            Runtime.getRuntime().addShutdownHook(node.hook);
            node.leftovers.recordHostState();
            String b = NodeNetwork.BRIDGE;
            HostCommand.require("ip", "link", "add", b, "type", "bridge");
            HostCommand.require("ip", "addr", "add", NodeNetwork.GATEWAY + "/16", "dev", b);
            HostCommand.require("ip", "link", "set", b, "up");
            // the Service range, where kube-proxy's OUTPUT rules translate the host's own queries, stays on the bridge
            HostCommand.require("ip", "route", "add", NodeNetwork.SERVICE_RANGE, "dev", b, "src", NodeNetwork.GATEWAY);
            String chain = NodeNetwork.FORWARD_CHAIN;
            HostCommand.require("iptables", "-w", "-N", chain);
            HostCommand.require("iptables", "-w", "-A", chain, "-i", b, "!", "-o", b, "-j", "DROP");
            HostCommand.require("iptables", "-w", "-A", chain, "!", "-i", b, "-o", b, "-j", "DROP");
            HostCommand.require("iptables", "-w", "-I", "FORWARD", "1", "-j", chain);
            // a pod's packet to a ClusterIP is DNATed by the host and forwarded back onto the bridge
            HostCommand.require("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
            node.makeCgroupRoot();
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** cgroup v1: the kubelet's cgroupRoot in every hierarchy (cpuset's needs its parent's cpus and mems). */
    private void makeCgroupRoot() {
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path h : hierarchies.filter(p -> Files.exists(p.resolve("cgroup.procs"))).toList()) {
                if (h.getFileName().toString().equals("unified")) {
                    continue;
                }
                Path ours = Files.createDirectories(h.resolve(NodeLeftovers.CGROUP_ROOT));
                for (String f : List.of("cpuset.cpus", "cpuset.mems")) {
                    if (Files.exists(h.resolve(f))) {
                        Files.writeString(ours.resolve(f), Files.readString(h.resolve(f)).trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the node's cgroup root: " + e.getMessage(), e);
        }
    }

    /** Starts containerd (images imported), the kubelet, kube-proxy, the scheduler and controllers; waits for Ready. */
    void join(LocalApiServer api, KubernetesClient client) {
        Instant start = Instant.now();
        Path kubeconfig = api.adminKubeconfig;
        Path cni = LocalApiServer.mkdir(ROOT.resolve("cni/net.d"));
        Containerd.write(cni.resolve("10-svcalias-node.conflist"), NodeNetwork.cniConfig(ROOT.resolve("cni/ipam")));
        containerd = new Containerd(ROOT, cni, leftovers);
        for (String image : List.of("pause.tar", "busybox.tar", "coredns.tar")) {
            containerd.importImage(Testbed.nodeImage(image));
        }
        // istiocoredns's images (its CoreDNS is built best effort): IstiocorednsDeployment says when one is missing
        for (String image : IstiocorednsDeployment.IMAGES) {
            Testbed.optionalNodeImage(image).ifPresent(containerd::importImage);
        }
        // what CoreDNS's "forward . /etc/resolv.conf" reaches: the bridge's host address, where nothing answers DNS
        Path resolv = Containerd.write(ROOT.resolve("resolv.conf"), "nameserver " + NodeNetwork.GATEWAY + "\n");
        Path kubeletConfig = Containerd.write(ROOT.resolve("kubelet.yaml"),
                NodeConfigs.kubelet(ROOT, containerd.socket, resolv));
        start("kubelet", "--config=" + kubeletConfig, "--kubeconfig=" + kubeconfig,
                "--root-dir=" + LocalApiServer.mkdir(ROOT.resolve("kubelet")), "--cert-dir=" + ROOT.resolve("kubelet-pki"),
                "--node-ip=" + NodeNetwork.GATEWAY, "--hostname-override=" + name, "--v=1");
        start("kube-proxy", "--config=" + Containerd.write(ROOT.resolve("kube-proxy.yaml"),
                NodeConfigs.kubeProxy(kubeconfig, name)));
        start("kube-scheduler", "--kubeconfig=" + kubeconfig, "--authentication-kubeconfig=" + kubeconfig,
                "--authorization-kubeconfig=" + kubeconfig, "--leader-elect=false", "--bind-address=127.0.0.1",
                "--secure-port=0");
        start("kube-controller-manager", "--kubeconfig=" + kubeconfig, "--leader-elect=false",
                "--bind-address=127.0.0.1", "--secure-port=0", "--root-ca-file=" + api.pki.caCert,
                "--service-account-private-key-file=" + api.pki.saKey(), "--use-service-account-credentials=false",
                "--controllers=*,-nodeipam,-cloud-node-lifecycle,-ttl-after-finished");
        awaitReady(client);
        System.err.printf("[node] %s Ready %.1f s after containerd started%n", name,
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private void start(String binary, String... args) {
        Path exe = Testbed.kubernetes(binary);
        List<String> command = new ArrayList<>(List.of(exe.toString()));
        command.addAll(List.of(args));
        LocalProcess p = new LocalProcess(binary, command, ROOT.resolve(binary + ".log"));
        leftovers.recordProcess(p.handle(), exe);
        components.add(p);
    }

    private void awaitReady(KubernetesClient client) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            for (LocalProcess p : components) {
                if (!p.alive()) {
                    throw new IllegalStateException(p.name() + " exited:\n" + p.logTail());
                }
            }
            var node = client.nodes().withName(name).get();
            if (node != null && node.getStatus() != null && node.getStatus().getConditions() != null
                    && node.getStatus().getConditions().stream().anyMatch(Node::ready)) {
                return;
            }
            LocalApiServer.sleep(250);
        }
        throw new IllegalStateException("node " + name + " not Ready within 120s:\n" + logs());
    }

    private static boolean ready(NodeCondition c) {
        return "Ready".equals(c.getType()) && "True".equals(c.getStatus());
    }

    /**
     * Imports an image tarball (Docker or OCI layout) into the node's containerd and names it {@code reference}
     * as the kubelet asks for it: a short name such as {@code svcalias:0.1.0} is Docker Hub's
     * {@code docker.io/library/svcalias:0.1.0} to the CRI, while ctr keeps an OCI tarball's reference as written.
     */
    void importImage(Path tarball, String reference) {
        containerd.importImage(tarball);
        String normalized = reference.contains("/") ? reference : "docker.io/library/" + reference;
        if (!containerd.ctr("images", "ls", "-q").output().lines().toList().contains(normalized)) {
            HostCommand tag = containerd.ctr("images", "tag", reference, normalized);
            if (!tag.ok()) {
                throw new IllegalStateException("ctr images tag " + reference + " " + normalized + ": " + tag.output());
            }
        }
    }

    /** The last lines of containerd's and each component's log. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        if (containerd != null) {
            sb.append("--- containerd ---\n").append(containerd.logTail()).append('\n');
        }
        components.forEach(p -> sb.append("--- ").append(p.name()).append(" ---\n").append(p.logTail()).append('\n'));
        return sb.toString();
    }

    /** The node's state directory (logs, configs); gone after {@link #close()}. */
    Path dir() {
        return ROOT;
    }

    private void stop() {
        for (int i = components.size() - 1; i >= 0; i--) {
            components.get(i).close();
        }
        components.clear();
        leftovers.remove(); // the pods' processes and shims go before containerd, so it does not restart them
        if (containerd != null) {
            containerd.close();
            containerd = null;
        }
    }

    @Override
    public void close() {
        stop();
        lock.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT);
        } catch (IOException e) {
            return "svcalias-node";
        }
    }
}
