package dev.svcalias.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * fabric8's mock API server in CRUD mode, seeded like the recipe's cluster: kube-system/coredns (kubeadm's
 * Corefile), istio-system's istiocoredns Service, Deployment and Corefile for the chosen CoreDNS era, Istio's
 * ServiceEntry CRD, and micro-shake-factory/fruits-api-service with ClusterIP 10.103.1.1. Writes a kubeconfig
 * so tests go through svcalias's real connection code.
 */
public final class RecipeCluster implements AutoCloseable {
    public static final String ISTIOCOREDNS_IP = RecipeSeed.ISTIOCOREDNS_IP;
    public static final String KUBE_DNS_IP = RecipeSeed.KUBE_DNS_IP;
    public static final String FRUITS_IP = RecipeSeed.FRUITS_IP;

    /** The two istiocoredns eras: Istio 1.1-1.3 shipped CoreDNS 1.1.2, Istio 1.4-1.8 shipped 1.6.2. */
    public enum Era {
        COREDNS_1_1_2("1.1.2", "istio-1.1-istiocoredns.corefile"),
        COREDNS_1_6_2("1.6.2", "istio-1.4-istiocoredns.corefile");

        public final String version;
        final String corefile;

        Era(String version, String corefile) {
            this.version = version;
            this.corefile = corefile;
        }
    }

    public final KubernetesMockServer server;
    public final KubernetesClient client;
    private final RecipeSeed seed;
    public final Path kubeconfig;
    public final String kubeDnsCorefile;
    public final String istioCorefile;

    public RecipeCluster(Era era, Path dir) {
        this(era, dir, new KubernetesCrudDispatcher());
    }

    /** @param dispatcher the mock API server's store and answers (a subclass may slow some answers down) */
    public RecipeCluster(Era era, Path dir, KubernetesCrudDispatcher dispatcher) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        seed = new RecipeSeed(client);
        kubeDnsCorefile = corpus("kubeadm-1.28.corefile");
        istioCorefile = corpus(era.corefile);
        kubeconfig = writeKubeconfig(dir);
        seed(era);
    }

    public static String corpus(String name) {
        return resource("/corefiles/" + name);
    }

    static String resource(String path) {
        try (InputStream in = RecipeCluster.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeKubeconfig(Path dir) {
        String url = server.url("/").replaceAll("/$", "");
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                users:
                - name: tester
                  user:
                    token: test-token
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: tester
                    namespace: default
                current-context: mock
                """.formatted(url);
        try {
            Path file = dir.resolve("kubeconfig");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seed(Era era) {
        seed.seed(kubeDnsCorefile, istioCorefile, era.version, "/istio/serviceentries.crd.yaml");
    }

    public void service(String ns, String name, String ip, int port, String portName, String protocol) {
        seed.service(ns, name, ip, port, portName, protocol);
    }

    /** What an Istio upgrade past 1.8 leaves: no istiocoredns Service or Deployment. */
    public void removeIstiocoredns() {
        client.services().inNamespace("istio-system").withName("istiocoredns").delete();
        client.apps().deployments().inNamespace("istio-system").withName("istiocoredns").delete();
    }

    /** What an Istio 1.9+ install adds that svcalias looks for: the istiod Deployment. */
    public void seedIstiod() {
        seed.deployment("istio-system", "istiod", "docker.io/istio/pilot:1.24.0", false);
    }

    public String corefile(String ns) {
        return client.configMaps().inNamespace(ns).withName("coredns").get().getData().get("Corefile");
    }

    /** The flag every command of a test gets. */
    public String kubeconfigFlag() {
        return "--kubeconfig=" + kubeconfig;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
