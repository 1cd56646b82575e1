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
 * A real API server (etcd + kube-apiserver, RBAC on) and real CoreDNS on loopback, seeded like the recipe's
 * cluster: kube-dns (CoreDNS fed from kube-system/coredns), istiocoredns (CoreDNS fed from istio-system/coredns,
 * plus the fake istio-coredns-plugin on its gRPC port), the Istio ServiceEntry CRD, and
 * micro-shake-factory/fruits-api-service. Use as {@code @RegisterExtension static RealCluster cluster = ...} in a
 * class named *RealIT. Everything is torn down after the class, also when a test fails.
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

    /** The istiocoredns Corefile era to seed. */
    public enum Era {
        /** Istio 1.4-1.8: CoreDNS 1.6.2, grpc + forward except. */
        GRPC("istio-1.4-istiocoredns.corefile", "1.6.2"),
        /** Istio 1.1-1.3: CoreDNS 1.1.2, proxy. */
        PROXY("istio-1.1-istiocoredns.corefile", "1.1.2");

        final String corefile;
        public final String version;

        Era(String corefile, String version) {
            this.corefile = corefile;
            this.version = version;
        }
    }

    private final Crd crd;
    private final Era era;
    private Path dir;
    private LocalApiServer apiServer;
    private KubernetesClient client;
    private LocalProcess plugin;
    private CoreDnsProcess istiocoredns;
    private CoreDnsProcess kubeDns;
    private String kubeDnsCorefile;
    private String istioCorefile;
    private Path istioCorednsBinary;

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
            afterAll(context);
            throw e;
        }
    }

    private void start() {
        apiServer = new LocalApiServer(dir);
        client = apiServer.client(apiServer.adminKubeconfig);
        seed();
        int pluginPort = FreePorts.free(8053) ? 8053 : FreePorts.next();
        int kubeDnsPort = FreePorts.next();
        if (era == Era.PROXY) {
            // CoreDNS 1.1.2 (the last istiocoredns with proxy) predates Go modules and is not built here, and
            // proxy left CoreDNS in 1.5.0: istiocoredns cannot run in this era; kube-dns still does
            kubeDns = new CoreDnsProcess("kube-dns", Testbed.binary(Testbed.COREDNS, "coredns"), dir, client,
                    "kube-system", kubeDnsPort, new ClusterIpTranslation(Map.of(ISTIOCOREDNS_IP, "127.0.0.1:9"),
                            kubeDnsPort, pluginPort, apiServer.adminKubeconfig));
            return;
        }
        String[] ca = {apiServer.pki.caCert.toString()};
        Path[] pluginUser = apiServer.pki.client("istio-coredns-plugin", "system:masters");
        plugin = new LocalProcess("istio-plugin-fake", List.of(
                Testbed.binary("istio-plugin-fake", "istio-plugin-fake").toString(),
                "-listen", "127.0.0.1:" + pluginPort, "-server", "https://127.0.0.1:" + apiServer.port,
                "-ca", ca[0], "-cert", pluginUser[0].toString(), "-key", pluginUser[1].toString()),
                dir.resolve("istio-plugin-fake.log"));
        // istiocoredns runs CoreDNS 1.6.2 like Istio 1.4-1.8 when today's Go could build it, else the current one
        istioCorednsBinary = Testbed.oldCoreDns().orElseGet(() -> Testbed.binary(Testbed.COREDNS, "coredns"));
        int istioPort = FreePorts.next();
        istiocoredns = new CoreDnsProcess("istiocoredns", istioCorednsBinary, dir, client, "istio-system",
                istioPort, new ClusterIpTranslation(Map.of(), istioPort, pluginPort, apiServer.adminKubeconfig));
        kubeDns = new CoreDnsProcess("kube-dns", Testbed.binary(Testbed.COREDNS, "coredns"), dir, client,
                "kube-system", kubeDnsPort, new ClusterIpTranslation(
                        Map.of(ISTIOCOREDNS_IP, "127.0.0.1:" + istioPort), kubeDnsPort, pluginPort,
                        apiServer.adminKubeconfig));
    }

    private void seed() {
        kubeDnsCorefile = resource("/corefiles/kubeadm-1.28.corefile");
        istioCorefile = resource("/corefiles/" + era.corefile);
        new RecipeSeed(client).seed(kubeDnsCorefile, istioCorefile, era.version, crd.resource);
        awaitServiceEntriesServed();
    }

    private void awaitServiceEntriesServed() {
        for (int i = 0; i < 60; i++) {
            try {
                var list = client.getApiResources("networking.istio.io/v1alpha3");
                if (list != null && list.getResources().stream().anyMatch(r -> r.getName().equals("serviceentries"))) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // CRD not established yet
            }
            LocalApiServer.sleep(500);
        }
        throw new IllegalStateException("the ServiceEntry CRD was not served within 30s");
    }

    static String resource(String path) {
        try (InputStream in = RealCluster.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (AutoCloseable c : new AutoCloseable[] {kubeDns, istiocoredns, plugin, client, apiServer}) {
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
                // temp dir
            }
        }
    }

    public KubernetesClient client() {
        return client;
    }

    public Path adminKubeconfig() {
        return apiServer.adminKubeconfig;
    }

    /** kube-dns's address for --nameserver. */
    public String kubeDnsAddress() {
        return "127.0.0.1:" + kubeDns.port;
    }

    public String seededKubeDnsCorefile() {
        return kubeDnsCorefile;
    }

    public String seededIstioCorefile() {
        return istioCorefile;
    }

    public String corefile(String namespace) {
        return client.configMaps().inNamespace(namespace).withName("coredns").get().getData().get("Corefile");
    }

    /** A kubeconfig for a new client-certificate user with no permissions (bind roles to it yourself). */
    public Path userKubeconfig(String user) {
        return apiServer.kubeconfig(user, apiServer.pki.client(user));
    }

    /** Does the current CoreDNS load this Corefile? */
    public CorednsConfigCheck.Outcome corednsLoads(String corefile) {
        return CorednsConfigCheck.check(Testbed.binary(Testbed.COREDNS, "coredns"), corefile, dir,
                apiServer.adminKubeconfig);
    }

    /** Which CoreDNS binary plays istiocoredns (1.6.2 when it could be built). */
    public Path istioCorednsBinary() {
        return istioCorednsBinary;
    }

    /** Whether istiocoredns and the plugin run (not for the proxy era without an old CoreDNS). */
    public boolean istiocorednsRuns() {
        return istiocoredns != null;
    }

    public String logs() {
        return "--- kube-dns ---\n" + kubeDns.logTail() + (istiocoredns == null ? "" : "\n--- istiocoredns ---\n"
                + istiocoredns.logTail() + "\n--- istio-plugin-fake ---\n" + plugin.logTail());
    }
}
