package dev.svcalias.testbed;

import dev.svcalias.testing.RecipeSeed;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real istiod: {@code pilot-discovery} built from the istio.io/istio module (src/testbed/build.sh), run out of cluster
 * against the testbed's kube-apiserver with the admin kubeconfig, every port on 127.0.0.1. Before it starts, the
 * Istio CRDs its module ships are installed (those the API server has already, such as the testbed's ServiceEntry
 * CRD, are left as they are) and the mesh config is written to the {@code istio} ConfigMap in istio-system, where an
 * installed istiod reads it. The secure xDS port (15012) and the webhook port (15017) are off: clients use the
 * plaintext xDS port ({@code --grpcAddr}), as istiod's own tests do. The Service istio-system/istiod is created
 * (ClusterIP {@value #SERVICE_IP}, port 15010 grpc-xds) as an installed Istio has it, so that svcalias detects istiod.
 */
public final class Istiod implements AutoCloseable {
    /** Istio's default mesh config plus DNS capture for every proxy, as Istio's DNS proxying guide installs it. */
    public static final String SERVICE_IP = "10.96.100.10";
    public static final String MESH_WITH_DNS_CAPTURE = """
            defaultConfig:
              proxyMetadata:
                ISTIO_META_DNS_CAPTURE: "true"
            rootNamespace: istio-system
            trustDomain: cluster.local
            """;

    private final int httpPort;
    private final int grpcPort;
    private final LocalProcess process;

    Istiod(KubernetesClient admin, Path adminKubeconfig, Path dir, String meshConfig, Map<String, String> env) {
        installCrds(admin);
        admin.configMaps().inNamespace("istio-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("istio").withNamespace("istio-system").endMetadata()
                .withData(Map.of("mesh", meshConfig)).build()).serverSideApply();
        if (admin.services().inNamespace("istio-system").withName("istiod").get() == null) {
            new RecipeSeed(admin).service("istio-system", "istiod", SERVICE_IP, 15010, "grpc-xds", "TCP");
        }
        this.httpPort = FreePorts.next();
        this.grpcPort = FreePorts.next();
        int monitoringPort = FreePorts.next();
        Path work = LocalApiServer.mkdir(dir.resolve("istiod"));
        ProcessBuilder pb = new ProcessBuilder(List.of(Testbed.pilotDiscovery().toString(), "discovery",
                "--kubeconfig", adminKubeconfig.toString(),
                "--httpAddr", "127.0.0.1:" + httpPort,
                "--grpcAddr", "127.0.0.1:" + grpcPort,
                "--monitoringAddr", "127.0.0.1:" + monitoringPort,
                "--secureGRPCAddr", "",
                "--httpsAddr", "",
                "--meshConfig", work.resolve("no-mesh-file").toString(),
                "--networksConfig", work.resolve("no-networks-file").toString()))
                .directory(work.toFile());
        pb.environment().put("POD_NAMESPACE", "istio-system");
        pb.environment().put("POD_NAME", "istiod-testbed");
        pb.environment().putAll(env);
        this.process = new LocalProcess("istiod", pb, dir.resolve("istiod.log"));
        awaitReady();
    }

    /** The CRDs of Istio's base chart (crd-all.gen.yaml from the module build.sh built), but those present already. */
    private static void installCrds(KubernetesClient admin) {
        Path crds = Testbed.pilotDiscovery().resolveSibling("crd-all.gen.yaml");
        try (InputStream in = Files.newInputStream(crds)) {
            for (HasMetadata item : admin.load(in).items()) {
                if (item instanceof CustomResourceDefinition crd && admin.apiextensions().v1()
                        .customResourceDefinitions().withName(crd.getMetadata().getName()).get() == null) {
                    admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(crds.toString(), e);
        }
    }

    private void awaitReady() {
        LoopbackHttp.await(process, "istiod not ready on " + httpAddress(), 90,
                () -> LoopbackHttp.ok(httpAddress(), "/ready"));
    }

    /** istiod's plaintext xDS address (its --grpcAddr), 127.0.0.1:PORT. */
    public String xdsAddress() {
        return "127.0.0.1:" + grpcPort;
    }

    /** istiod's HTTP address (its --httpAddr: /ready and the /debug endpoints), 127.0.0.1:PORT. */
    public String httpAddress() {
        return "127.0.0.1:" + httpPort;
    }

    /**
     * GET a debug endpoint, e.g. "/debug/registryz" or "/debug/config_dump?proxyID=probe.default", as parsed JSON
     * (maps, lists, strings, numbers, booleans).
     */
    public Object debug(String pathAndQuery) {
        return LoopbackHttp.json(httpAddress(), pathAndQuery);
    }

    /** The services in istiod's registry (/debug/registryz): hostname to the addresses istiod gives it. */
    public Map<String, List<String>> registry() {
        return RegistryView.of(debug("/debug/registryz"));
    }

    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }
}
