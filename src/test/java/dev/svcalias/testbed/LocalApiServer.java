package dev.svcalias.testbed;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** etcd + kube-apiserver with client-certificate authentication and RBAC, on loopback or for a {@link Node}. */
final class LocalApiServer implements AutoCloseable {
    /**
     * Where the API server listens and what it does for pods. {@code LOOPBACK}: 127.0.0.1, ClusterIPs are data
     * (never routed, see ClusterIpTranslation), no endpoint reconciler, no ServiceAccount admission. {@code NODE}: on
     * the node's bridge address, so that pods reach it through the kubernetes Service (whose endpoint it keeps), with
     * ClusterIPs and tokens that kube-proxy and the kubelet make real.
     */
    enum Addressing {
        LOOPBACK("127.0.0.1", "10.96.0.0/12", List.of("--endpoint-reconciler-type=none",
                "--disable-admission-plugins=ServiceAccount")),
        NODE(NodeNetwork.GATEWAY, NodeNetwork.SERVICE_RANGE, List.of("--kubelet-preferred-address-types=InternalIP"));

        final String address;
        final String serviceRange;
        final List<String> flags;

        Addressing(String address, String serviceRange, List<String> flags) {
            this.address = address;
            this.serviceRange = serviceRange;
            this.flags = flags;
        }
    }

    final Pki pki;
    final int port;
    final Path adminKubeconfig;
    /** Static bearer tokens (--token-auth-file): each a user in system:masters, see {@link #STATIC_TOKENS}. */
    static final java.util.Map<String, String> STATIC_TOKENS = java.util.Map.of(
            "token-user", "svcalias-testbed-static-token-1", "token-user-2", "svcalias-testbed-static-token-2");
    final Addressing addressing;
    private final Path dir;
    private final LocalProcess etcd;
    private final LocalProcess apiserver;

    LocalApiServer(Path dir) {
        this(dir, Addressing.LOOPBACK);
    }

    LocalApiServer(Path dir, Addressing addressing) {
        this.dir = dir;
        this.addressing = addressing;
        this.pki = new Pki(mkdir(dir.resolve("pki")), addressing == Addressing.NODE
                ? List.of(NodeNetwork.GATEWAY, NodeNetwork.KUBERNETES_SERVICE_IP) : List.of());
        int etcdPort = FreePorts.next();
        int peerPort = FreePorts.next();
        this.port = FreePorts.next();
        String etcdUrl = "http://127.0.0.1:" + etcdPort;
        String peerUrl = "http://127.0.0.1:" + peerPort;
        this.etcd = new LocalProcess("etcd", List.of(Testbed.etcd().toString(),
                "--name", "testbed", "--data-dir", mkdir(dir.resolve("etcd")).toString(),
                "--listen-client-urls", etcdUrl, "--advertise-client-urls", etcdUrl,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", "testbed=" + peerUrl, "--unsafe-no-fsync", "--log-level", "warn"),
                dir.resolve("etcd.log"));
        List<String> command = new java.util.ArrayList<>(List.of(
                Testbed.kubeApiserver().toString(),
                "--etcd-servers=" + etcdUrl,
                "--bind-address=" + addressing.address, "--advertise-address=" + addressing.address,
                "--secure-port=" + port,
                "--cert-dir=" + mkdir(dir.resolve("apiserver-certs")),
                "--tls-cert-file=" + pki.dir.resolve("apiserver.crt"),
                "--tls-private-key-file=" + pki.dir.resolve("apiserver.key"),
                "--client-ca-file=" + pki.caCert,
                "--token-auth-file=" + tokenFile(dir),
                "--service-account-key-file=" + pki.saPub(),
                "--service-account-signing-key-file=" + pki.saKey(),
                "--service-account-issuer=https://kubernetes.default.svc",
                "--authorization-mode=RBAC",
                "--service-cluster-ip-range=" + addressing.serviceRange,
                // every request, one JSON line each with verb, URI and user agent: the benchmark counts them
                "--audit-policy-file=" + auditPolicy(dir), "--audit-log-path=" + dir.resolve("audit.log"),
                "--audit-log-format=json", "--audit-log-mode=blocking",
                "--profiling=false"));
        command.addAll(addressing.flags);
        this.apiserver = new LocalProcess("kube-apiserver", command, dir.resolve("kube-apiserver.log"));
        Path[] admin = pki.client("testbed-admin", "system:masters");
        this.adminKubeconfig = kubeconfig("admin", admin);
        awaitReady();
    }

    /** token,user,uid,"groups" lines: static tokens, as kubectl's token and tokenFile logins use them. */
    private static String tokenFile(Path dir) {
        StringBuilder lines = new StringBuilder();
        STATIC_TOKENS.forEach((user, token) -> lines.append(token).append(',').append(user).append(',')
                .append(user).append("-uid,\"system:masters\"\n"));
        try {
            return Files.writeString(dir.resolve("tokens.csv"), lines).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Metadata level, at the end of each request only: one line per request, no bodies. */
    private static String auditPolicy(Path dir) {
        try {
            return Files.writeString(dir.resolve("audit-policy.yaml"), """
                    apiVersion: audit.k8s.io/v1
                    kind: Policy
                    omitStages: ["RequestReceived", "ResponseStarted"]
                    rules:
                    - level: Metadata
                    """).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit log (JSON lines, one per request); see docs/performance.md. */
    Path auditLog() {
        return dir.resolve("audit.log");
    }

    String url() {
        return "https://" + addressing.address + ":" + port;
    }

    /** A kubeconfig for a client certificate user. */
    Path kubeconfig(String name, Path[] certAndKey) {
        return kubeconfig(name, "client-certificate: " + certAndKey[0], "client-key: " + certAndKey[1]);
    }

    /** A kubeconfig for a bearer token (a ServiceAccount's, from the TokenRequest API). */
    Path tokenKubeconfig(String name, String token) {
        return kubeconfig(name, "token: " + token);
    }

    private Path kubeconfig(String name, String... userFields) {
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: testbed
                  cluster:
                    server: https://%s:%d
                    certificate-authority: %s
                users:
                - name: %s
                  user:
                %s
                contexts:
                - name: testbed
                  context:
                    cluster: testbed
                    user: %s
                current-context: testbed
                """.formatted(addressing.address, port, pki.caCert, name,
                String.join("\n", java.util.Arrays.stream(userFields).map(f -> "    " + f).toList()), name);
        try {
            return Files.writeString(dir.resolve("kubeconfig-" + name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KubernetesClient client(Path kubeconfig) {
        Config config = Config.fromKubeconfig(null, kubeconfig.toFile());
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        try (KubernetesClient client = client(adminKubeconfig)) {
            while (Instant.now().isBefore(deadline)) {
                if (!etcd.alive() || !apiserver.alive()) {
                    throw new IllegalStateException("the testbed died while starting:\n--- etcd ---\n" + etcd.logTail()
                            + "\n--- kube-apiserver ---\n" + apiserver.logTail());
                }
                try {
                    if ("ok".equals(client.raw("/readyz")) && client.namespaces().withName("default").get() != null) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // still starting
                }
                sleep(500);
            }
        }
        throw new IllegalStateException("kube-apiserver not ready after 90s:\n" + apiserver.logTail());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path mkdir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        apiserver.close();
        etcd.close();
    }
}
