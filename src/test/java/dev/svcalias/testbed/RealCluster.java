package dev.svcalias.testbed;

import dev.svcalias.testing.RecipeSeed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real API server (etcd + kube-apiserver, RBAC on, client certificates) and real CoreDNS on loopback, seeded
 * like the recipe's cluster: kube-dns (CoreDNS fed from kube-system/coredns), istiocoredns (CoreDNS fed from
 * istio-system/coredns, plus the fake istio-coredns-plugin on its gRPC port, 127.0.0.1:8053 when free), the
 * Istio ServiceEntry CRD, and micro-shake-factory/fruits-api-service. In a class named *RealIT:
 * <pre>
 * &#64;RegisterExtension
 * static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
 * </pre>
 * Everything is started once for the class and torn down after it (processes killed, temp dir removed), also when
 * a test fails; then the processes' logs are printed. Set SVCALIAS_KEEP_TESTBED=1 to keep the temp dir.
 */
public final class RealCluster implements BeforeAllCallback, AfterAllCallback {
    public static final String ISTIOCOREDNS_IP = RecipeSeed.ISTIOCOREDNS_IP;
    public static final String KUBE_DNS_IP = RecipeSeed.KUBE_DNS_IP;
    public static final String FRUITS_IP = RecipeSeed.FRUITS_IP;

    /** Which ServiceEntry CRD to install: Istio's current one, or one serving only istiocoredns-era versions. */
    public enum Crd {
        CURRENT("/istio/serviceentries.crd.yaml"), ISTIOCOREDNS_ERA("/istio/serviceentries-v1alpha3-v1beta1.crd.yaml");

        final String resource;

        Crd(String resource) {
            this.resource = resource;
        }
    }

    /** The istiocoredns era to seed and run. */
    public enum Era {
        /** Istio 1.4-1.8: CoreDNS 1.6.2, grpc + forward except (the current CoreDNS if 1.6.2 could not be built). */
        GRPC("istio-1.4-istiocoredns.corefile", "1.6.2", Testbed.COREDNS_ISTIO_VERSION),
        /** Istio 1.1-1.3: CoreDNS 1.1.2, proxy (no istiocoredns process if 1.1.2 could not be built). */
        PROXY("istio-1.1-istiocoredns.corefile", "1.1.2", Testbed.COREDNS_PROXY_VERSION);

        final String corefile;
        /** The image tag seeded in the istiocoredns Deployment. */
        public final String version;
        final String buildVersion;

        Era(String corefile, String version, String buildVersion) {
            this.corefile = corefile;
            this.version = version;
            this.buildVersion = buildVersion;
        }
    }

    private final Crd crd;
    private final Era era;
    private Path dir;
    private LocalApiServer apiServer;
    private KubernetesClient client;
    private FakeIstioPlugin plugin;
    private int pluginPort;
    private CoreDnsProcess istiocoredns;
    private CoreDnsProcess kubeDns;
    private final List<MountedCoreDns> extra = new java.util.ArrayList<>();
    private String kubeDnsCorefile;
    private String istioCorefile;
    private FaultProxy faultProxy;

    private RealCluster(Crd crd, Era era) {
        this.crd = crd;
        this.era = era;
    }

    public static RealCluster of(Crd crd, Era era) {
        return new RealCluster(crd, era);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeFalse(Testbed.skipRequested(), "SVCALIAS_SKIP_REAL=1");
        dir = Files.createTempDirectory("svcalias-realit-");
        try {
            start();
        } catch (RuntimeException | Error e) {
            System.err.println(logs());
            afterAll(null);
            throw e;
        }
    }

    private void start() {
        apiServer = new LocalApiServer(dir);
        client = apiServer.client(apiServer.adminKubeconfig);
        seed();
        pluginPort = FreePorts.free(8053) ? 8053 : FreePorts.next();
        plugin = new FakeIstioPlugin(apiServer, client, dir, pluginPort);
        // istiocoredns runs the CoreDNS its era shipped when today's Go could build it (see build.sh)
        Path istioBinary = Testbed.optional(era.buildVersion).orElse(null);
        String istioVersion = era.buildVersion;
        if (istioBinary == null && era == Era.GRPC) {
            System.err.println("[testbed] CoreDNS " + era.buildVersion + " is not built ("
                    + Testbed.failure(era.buildVersion).orElse("?") + "); istiocoredns runs " + Testbed.COREDNS_VERSION);
            istioBinary = Testbed.coredns();
            istioVersion = Testbed.COREDNS_VERSION;
        }
        int kubeDnsPort = FreePorts.next();
        String istioTarget = ClusterIpTranslation.BLACKHOLE;
        if (istioBinary != null) {
            int istioPort = FreePorts.next();
            istiocoredns = new CoreDnsProcess("istiocoredns", istioBinary, istioVersion, dir, client, "istio-system",
                    istioPort, translation(Map.of(), istioPort));
            istioTarget = "127.0.0.1:" + istioPort;
        }
        kubeDns = new CoreDnsProcess("kube-dns", Testbed.coredns(), Testbed.COREDNS_VERSION, dir, client,
                "kube-system", kubeDnsPort, translation(Map.of(ISTIOCOREDNS_IP, istioTarget), kubeDnsPort));
    }

    /**
     * Starts a further real CoreDNS fed from ConfigMap volumes ({@link MountedCoreDns}); {@code services} maps
     * ClusterIPs to the loopback address of the process playing them. Stopped with the testbed.
     */
    public MountedCoreDns startMountedCoreDns(String name, List<MountedCoreDns.Volume> volumes,
                                              Map<String, String> services, java.util.function.UnaryOperator<String> fill) {
        int port = FreePorts.next();
        MountedCoreDns m = new MountedCoreDns(name, dir, client, volumes, port, translation(services, port), fill);
        extra.add(m);
        return m;
    }

    private ClusterIpTranslation translation(Map<String, String> services, int port) {
        return new ClusterIpTranslation(services, port, pluginPort, apiServer.adminKubeconfig, apiServer.url());
    }

    private void seed() {
        kubeDnsCorefile = resource("/corefiles/kubeadm-1.28.corefile");
        istioCorefile = resource("/corefiles/" + era.corefile);
        new RecipeSeed(client).seed(kubeDnsCorefile, istioCorefile, era.version, crd.resource);
        awaitServed("networking.istio.io/v1alpha3", "serviceentries");
    }

    /** Waits until the API server serves {@code plural} in {@code groupVersion} (a CRD just created is not yet). */
    public void awaitServed(String groupVersion, String plural) {
        for (int i = 0; i < 60; i++) {
            try {
                var list = client.getApiResources(groupVersion);
                if (list != null && list.getResources().stream().anyMatch(r -> r.getName().equals(plural))) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // CRD not established yet
            }
            LocalApiServer.sleep(500);
        }
        throw new IllegalStateException(plural + " in " + groupVersion + " was not served within 30s");
    }

    static String resource(String path) {
        try (InputStream in = RealCluster.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context != null && context.getExecutionException().isPresent()) {
            System.err.println("[testbed] a test failed; the servers' last log lines:\n" + logs());
        }
        extra.forEach(m -> m.close());
        extra.clear();
        tearDown(dir, faultProxy, kubeDns, istiocoredns, plugin, client, apiServer);
        faultProxy = null;
        kubeDns = null;
        istiocoredns = null;
        plugin = null;
        client = null;
        apiServer = null;
    }

    /** Closes each part that is not null (in order, on through failures), then deletes {@code dir} unless kept. */
    static void tearDown(Path dir, AutoCloseable... parts) {
        for (AutoCloseable c : parts) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // keep tearing down the rest
                }
            }
        }
        if (dir != null && !"1".equals(System.getenv("SVCALIAS_KEEP_TESTBED"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir
            }
        }
    }

    /** The class's temp dir: server logs (*.log) and state. */
    Path dir() {
        return dir;
    }

    /**
     * What upgrading Istio past 1.8 does: istiocoredns's Service and Deployment go (and its ConfigMap unless
     * {@code keepConfigMap}), and its process stops. kube-dns keeps running with whatever svcalias wrote.
     */
    public void removeIstiocoredns(boolean keepConfigMap) {
        client.services().inNamespace("istio-system").withName("istiocoredns").delete();
        client.apps().deployments().inNamespace("istio-system").withName("istiocoredns").delete();
        if (!keepConfigMap) {
            client.configMaps().inNamespace("istio-system").withName("coredns").delete();
        }
        if (istiocoredns != null) {
            istiocoredns.close();
            istiocoredns = null;
        }
    }

    /** An admin (system:masters) client of the local API server. */
    public KubernetesClient client() {
        return client;
    }

    /** The admin kubeconfig (client certificate in system:masters) for --kubeconfig. */
    /** kube-apiserver's audit log: one JSON line per request (verb, requestURI, userAgent). */
    public Path auditLog() {
        return apiServer.auditLog();
    }

    public Path adminKubeconfig() {
        return apiServer.adminKubeconfig;
    }

    /**
     * An HTTPS fault proxy in front of the API server (started on first use, closed with the cluster): it serves
     * the API server's certificate and forwards as the admin. See {@link FaultProxy}.
     */
    public FaultProxy faultProxy() {
        if (faultProxy == null) {
            Path pki = apiServer.pki.dir;
            faultProxy = new FaultProxy(TlsMaterial.of(apiServer.pki, new Path[] {pki.resolve("user-testbed-admin.crt"),
                    pki.resolve("user-testbed-admin.key")}), apiServer.url());
        }
        return faultProxy;
    }

    /** The admin kubeconfig with the fault proxy as its server. */
    public Path adminKubeconfigViaFaultProxy() {
        return faultProxy().kubeconfig(apiServer.adminKubeconfig, apiServer.url());
    }

    /** kube-dns's address for --nameserver and DNS queries: 127.0.0.1:PORT. */
    public String kubeDnsAddress() {
        return "127.0.0.1:" + kubeDns.port;
    }

    /** istiocoredns's address (127.0.0.1:PORT), or null when this era's CoreDNS could not be built. */
    public String istiocorednsAddress() {
        return istiocoredns == null ? null : "127.0.0.1:" + istiocoredns.port;
    }

    /** The fake istio-coredns-plugin's gRPC address (127.0.0.1:8053 unless that port was taken). */
    public String pluginAddress() {
        return "127.0.0.1:" + pluginPort;
    }

    /** The CoreDNS release istiocoredns runs (v1.6.2, v1.1.2, or the current one as a fallback), or null. */
    public String istiocorednsVersion() {
        return istiocoredns == null ? null : istiocoredns.version();
    }

    /** Whether istiocoredns runs (not for the proxy era when CoreDNS 1.1.2 could not be built). */
    public boolean istiocorednsRuns() {
        return istiocoredns != null;
    }

    public String seededKubeDnsCorefile() {
        return kubeDnsCorefile;
    }

    public String seededIstioCorefile() {
        return istioCorefile;
    }

    /** The Corefile in NAMESPACE/coredns as the API server has it now. */
    public String corefile(String namespace) {
        return client.configMaps().inNamespace(namespace).withName("coredns").get().getData().get("Corefile");
    }

    /** What the CoreDNS process of NAMESPACE reads now (after {@link ClusterIpTranslation}). */
    public String materialisedCorefile(String namespace) {
        CoreDnsProcess p = "kube-system".equals(namespace) ? kubeDns : istiocoredns;
        return p == null ? null : p.materialised();
    }

    /**
     * A kubeconfig for a new client-certificate user (CN=user, O=each group) with no permissions of its own: bind
     * roles to it (or to a group) to test least privilege.
     */
    public Path userKubeconfig(String user, String... groups) {
        return apiServer.kubeconfig(user, apiServer.pki.client(user, groups));
    }

    /** The API server's URL, https://127.0.0.1:PORT. */
    public String apiServerUrl() {
        return apiServer.url();
    }

    /** The testbed CA's certificate (PEM file): it signs the API server's and every client's certificate. */
    public Path caCert() {
        return apiServer.pki.caCert;
    }

    /** A static token (--token-auth-file) of {@code user} ("token-user" or "token-user-2"), in system:masters. */
    public String staticToken(String user) {
        return LocalApiServer.STATIC_TOKENS.get(user);
    }

    /** A client certificate and key for {@code user} with the key in {@code keyForm}, see Pki#client. */
    public Path[] clientCertificate(String user, String keyForm, String... groups) {
        return apiServer.pki.clientWithKey(user, keyForm, groups);
    }

    /** Does the current CoreDNS load this Corefile (a clean start on a free loopback port)? */
    public CorednsConfigCheck.Outcome runCoreDnsConfigCheck(String corefile) {
        return CorednsConfigCheck.check(Testbed.coredns(), corefile, dir, apiServer.adminKubeconfig, apiServer.url());
    }

    /**
     * Does CoreDNS {@code version} (versions.env: the current one, COREDNS_ISTIO_VERSION or COREDNS_PROXY_VERSION)
     * load this Corefile? Fails when that version could not be built; see {@link #coreDnsAvailable(String)}.
     */
    public CorednsConfigCheck.Outcome runCoreDnsConfigCheck(String version, String corefile) {
        Path binary = version.equals(Testbed.COREDNS_VERSION) ? Testbed.coredns() : Testbed.optional(version)
                .orElseThrow(() -> new IllegalStateException("CoreDNS " + version + " is not built: "
                        + Testbed.failure(version).orElse("not pinned in src/testbed/versions.env")));
        return CorednsConfigCheck.check(binary, corefile, dir, apiServer.adminKubeconfig, apiServer.url());
    }

    /** Whether CoreDNS {@code version} (e.g. "v1.6.2") is built and can be used in {@link #runCoreDnsConfigCheck}. */
    public static boolean coreDnsAvailable(String version) {
        return version.equals(Testbed.COREDNS_VERSION) || Testbed.optional(version).isPresent();
    }

    /** Same as {@link #runCoreDnsConfigCheck(String)}; the name the first scenario tests use. */
    /**
     * The current CoreDNS binary, for a test that must run a Corefile exactly as written (no loopback
     * translation), e.g. one that binds 127.0.0.2: the test keeps it on loopback addresses itself.
     */
    public Path corednsBinary() {
        return Testbed.coredns();
    }

    public CorednsConfigCheck.Outcome corednsLoads(String corefile) {
        return runCoreDnsConfigCheck(corefile);
    }

    /** The last lines each server process logged, for assertion messages. */
    public String logs() {
        return logTails(dir);
    }

    /** The last 25 lines of each *.log file in {@code dir} (none when it is null). */
    static String logTails(Path dir) {
        StringBuilder sb = new StringBuilder();
        if (dir == null) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                sb.append("--- ").append(log.getFileName()).append(" ---\n");
                lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(l -> sb.append(l).append('\n'));
            }
        } catch (IOException e) {
            sb.append("(logs: ").append(e.getMessage()).append(")");
        }
        return sb.toString();
    }
}
