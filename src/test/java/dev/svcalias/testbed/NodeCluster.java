package dev.svcalias.testbed;

import dev.svcalias.testing.RecipeSeed;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real one-node cluster: the testbed's API server on the node's bridge, a {@link Node} (containerd, kubelet,
 * kube-proxy, scheduler, controllers) and CoreDNS as a 2-replica Deployment behind the kube-dns Service, seeded with
 * the recipe's target (micro-shake-factory/fruits-api-service at {@value NodeNetwork#FRUITS_IP}) and Istio's CRDs.
 * Nothing in it is simulated: pods read ConfigMaps through the kubelet's volumes and reach Services through
 * kube-proxy. {@link #kubeadmWith(Istio)} adds istiocoredns as pods or real istiod on the host. Skipped, with the
 * reason, only where there is no root or no cgroups. In a class named *RealIT:
 * <pre>
 * &#64;RegisterExtension
 * static final NodeCluster CLUSTER = NodeCluster.kubeadm();
 * </pre>
 */
public final class NodeCluster implements BeforeAllCallback, AfterAllCallback {
    public static final String FRUITS_IP = NodeNetwork.FRUITS_IP;
    public static final String KUBE_DNS_IP = NodeNetwork.KUBE_DNS_IP;
    private final String corefileResource;
    private final boolean customVolume;
    private final Istio istio;
    private Path dir;
    private Node node;
    private Istiod istiod;
    private LocalApiServer apiServer;
    private KubernetesClient client;

    /** Which Istio runs beside kube-dns: none, istiocoredns (Istio 1.1-1.8) or istiod (1.9+, istio mode). */
    public enum Istio {
        NONE,
        /** {@link IstiocorednsDeployment}: CoreDNS 1.6.2 and the fake plugin as a pod, the istiocoredns Service. */
        ISTIOCOREDNS,
        /**
         * Real istiod ({@link Istiod}) as a process on the host, watching the node's API server, with DNS capture in
         * its mesh config, and its Service istio-system/istiod at {@value NodeNetwork#ISTIOD_IP}; no sidecar runs.
         */
        ISTIOD
    }

    private NodeCluster(String corefileResource, boolean customVolume, Istio istio) {
        this.corefileResource = corefileResource;
        this.customVolume = customVolume;
        this.istio = istio;
    }

    /** kubeadm's Corefile (1.28), no custom volume. */
    public static NodeCluster kubeadm() {
        return new NodeCluster("/corefiles/kubeadm-1.28.corefile", false, Istio.NONE);
    }

    /** kubeadm's Corefile and the given Istio beside it. */
    public static NodeCluster kubeadmWith(Istio istio) {
        return new NodeCluster("/corefiles/kubeadm-1.28.corefile", false, istio);
    }

    /** k3s's Corefile, importing the optional coredns-custom ConfigMap mounted at /etc/coredns/custom. */
    public static NodeCluster withCustomVolume(String corefileResource) {
        return new NodeCluster(corefileResource, true, Istio.NONE);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeFalse(Testbed.skipRequested(), "SVCALIAS_SKIP_REAL=1");
        Node.unavailable().ifPresent(why -> Assumptions.abort(why));
        dir = Files.createTempDirectory("svcalias-node-realit-");
        try {
            start();
        } catch (RuntimeException | Error e) {
            System.err.println(logs());
            afterAll(null);
            throw e;
        }
    }

    private void start() {
        Instant begin = Instant.now();
        Testbed.kubernetes("kubelet"); // builds first, so that no host state is made if the build fails
        node = Node.prepareHost();
        apiServer = new LocalApiServer(dir, LocalApiServer.Addressing.NODE);
        client = LocalApiServer.client(apiServer.adminKubeconfig);
        node.join(apiServer, client);
        for (String ns : new String[] {"istio-system", "micro-shake-factory"}) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
        RecipeSeed seed = new RecipeSeed(client);
        seed.service("micro-shake-factory", "fruits-api-service", FRUITS_IP, 80, "http", "TCP");
        seed.installCrd("/istio/serviceentries.crd.yaml");
        seed.installCrd("/istio/virtualservices.crd.yaml");
        CoreDnsDeployment.create(client, RealCluster.resource(corefileResource), customVolume);
        CoreDnsDeployment.awaitReady(client, Duration.ofSeconds(120));
        switch (istio) {
            case NONE -> { }
            case ISTIOCOREDNS -> {
                IstiocorednsDeployment.create(client, apiServer,
                        RealCluster.resource("/corefiles/istio-1.4-istiocoredns.corefile"));
                IstiocorednsDeployment.awaitReady(client, Duration.ofSeconds(120));
            }
            case ISTIOD -> {
                seed.service("istio-system", "istiod", NodeNetwork.ISTIOD_IP, 15010, "grpc-xds", "TCP");
                istiod = new Istiod(client, apiServer.adminKubeconfig, dir, Istiod.MESH_WITH_DNS_CAPTURE, java.util.Map.of());
            }
        }
        awaitDefaultServiceAccount("default");
        System.err.printf("[node] cluster ready (API server, node, %d CoreDNS replicas) in %.1f s%n",
                CoreDnsDeployment.REPLICAS, Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    }

    /** Pods are admitted once their namespace's default ServiceAccount exists (the controller manager makes it). */
    private void awaitDefaultServiceAccount(String namespace) {
        for (int i = 0; i < 120; i++) {
            if (client.serviceAccounts().inNamespace(namespace).withName("default").get() != null) {
                return;
            }
            LocalApiServer.sleep(250);
        }
        throw new IllegalStateException("no default ServiceAccount in " + namespace + " after 30s");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context != null && context.getExecutionException().isPresent()) {
            System.err.println("[node] a test failed; the last log lines:\n" + logs());
        }
        RealCluster.tearDown(dir, istiod, node, client, apiServer);
        istiod = null;
        node = null;
        client = null;
        apiServer = null;
    }

    public KubernetesClient client() {
        return client;
    }

    /** The admin kubeconfig (client certificate in system:masters) for --kubeconfig. */
    public Path adminKubeconfig() {
        return apiServer.adminKubeconfig;
    }

    /** A kubeconfig for a new client-certificate user (CN=user, O=each group) with no permissions of its own. */
    public Path userKubeconfig(String user, String... groups) {
        return apiServer.kubeconfig(user, apiServer.pki.client(user, groups));
    }

    /**
     * A kubeconfig that logs in as a ServiceAccount from outside the cluster, with a token from the TokenRequest
     * API (valid 10 minutes): the same identity and permissions as a pod that runs as that account.
     */
    public Path serviceAccountKubeconfig(String namespace, String account) {
        String token = client.serviceAccounts().inNamespace(namespace).withName(account).tokenRequest(
                new io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder().withNewSpec()
                        .withExpirationSeconds(600L).endSpec().build()).getStatus().getToken();
        return apiServer.tokenKubeconfig(namespace + "-" + account, token);
    }

    /** kube-apiserver's audit log: one JSON line per request (user, verb, resource, response code). */
    public Path auditLog() {
        return apiServer.auditLog();
    }

    /** The node's name (the machine's host name). */
    public String nodeName() {
        return node.name;
    }

    /** The CoreDNS replicas, each at its pod IP on the bridge (the host reaches them directly). */
    public List<String> corednsPodIps() {
        return CoreDnsDeployment.pods(client).stream().map(Pod::getStatus).filter(s -> s.getPodIP() != null)
                .map(s -> s.getPodIP()).toList();
    }

    /** The real istiod of {@link Istio#ISTIOD}: its registry and debug endpoints. */
    public Istiod istiod() {
        return istiod;
    }

    /** The istiocoredns pod's IP on the bridge (kubeadmWithIstiocoredns). */
    public String istiocorednsPodIp() {
        return IstiocorednsDeployment.pods(client).get(0).getStatus().getPodIP();
    }

    /** Waits until both CoreDNS replicas are Ready again (after a rollout or a deleted pod). */
    public List<String> awaitCoreDnsReady() {
        return CoreDnsDeployment.awaitReady(client, Duration.ofSeconds(120)).stream().map(p -> p.getStatus().getPodIP())
                .toList();
    }

    /** Imports an image tarball into the node, named {@code reference} (see {@link Node#importImage}). */
    public void importImage(Path tarball, String reference) {
        node.importImage(tarball, reference);
    }

    /** The last lines of the API server's, etcd's and the node's logs. */
    public String logs() {
        return RealCluster.logTails(dir) + (node == null ? "" : node.logs());
    }
}
