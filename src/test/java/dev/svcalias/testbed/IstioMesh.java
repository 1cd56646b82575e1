package dev.svcalias.testbed;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Istio on a {@link RealCluster}: a real istiod ({@link Istiod}) against the cluster's kube-apiserver, and one meshed
 * client ({@link IstioDnsProxy}, sidecar {@code probe.default} with DNS capture) whose DNS falls through to the
 * cluster's kube-dns. Register it after the cluster, ordered:
 * <pre>
 * &#64;RegisterExtension &#64;Order(1)
 * static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
 * &#64;RegisterExtension &#64;Order(2)
 * static final IstioMesh MESH = IstioMesh.on(CLUSTER);
 * </pre>
 * Started once for the class, stopped before the cluster; their logs (istiod.log, istio-dns-proxy.log) are part of
 * {@link RealCluster#logs()}.
 */
public final class IstioMesh implements BeforeAllCallback, AfterAllCallback {
    private final RealCluster cluster;
    private String meshConfig = Istiod.MESH_WITH_DNS_CAPTURE;
    private Istiod istiod;
    private IstioDnsProxy meshedClient;
    private Map<String, String> istiodEnv = Map.of();
    private boolean dnsAutoAllocate;

    private IstioMesh(RealCluster cluster) {
        this.cluster = cluster;
    }

    public static IstioMesh on(RealCluster cluster) {
        return new IstioMesh(cluster);
    }

    /** The mesh config (the {@code mesh} key of istio-system/istio); default {@link Istiod#MESH_WITH_DNS_CAPTURE}. */
    public IstioMesh withMeshConfig(String meshConfigYaml) {
        this.meshConfig = meshConfigYaml;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (cluster.client() == null) {
            throw new IllegalStateException("IstioMesh needs its RealCluster started first: register both with "
                    + "@RegisterExtension and @Order(1) on the cluster, @Order(2) on the mesh");
        }
        try {
            istiod = new Istiod(cluster.client(), cluster.adminKubeconfig(), cluster.dir(), meshConfig, istiodEnv);
            meshedClient = new IstioDnsProxy(istiod, cluster.kubeDnsAddress(), "default", "probe", dnsAutoAllocate,
                    cluster.dir());
        } catch (RuntimeException | Error e) {
            afterAll(null); // the cluster prints every server's log, ours included, when it stops
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (meshedClient != null) {
            meshedClient.close();
        }
        if (istiod != null) {
            istiod.close();
        }
        meshedClient = null;
        istiod = null;
    }

    /**
     * Stops istiod and the meshed client and starts them again with {@code env} added to istiod's environment
     * (e.g. {@code PILOT_ENABLE_IP_AUTOALLOCATE=false}) and the client asking for auto-allocated addresses or not
     * ({@code ISTIO_META_DNS_AUTO_ALLOCATE}); what the cluster holds stays.
     */
    public void restart(Map<String, String> env, boolean clientDnsAutoAllocate) {
        afterAll(null);
        this.istiodEnv = Map.copyOf(env);
        this.dnsAutoAllocate = clientDnsAutoAllocate;
        beforeAll(null);
    }

    public Istiod istiod() {
        return istiod;
    }

    /** The meshed client: Istio's DNS proxy fed by istiod, in namespace default. */
    public IstioDnsProxy meshedClient() {
        return meshedClient;
    }
}
