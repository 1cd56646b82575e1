package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;

/**
 * fabric8's mock API server, in CRUD mode (it stores what it is sent) or expectations mode (it answers what a
 * test tells it), with two clients: {@code admin} seeds and inspects what the server stored, {@code cluster} is
 * the code under test. Short timeouts so a request the mock never answers fails fast.
 */
final class MockApi implements AutoCloseable {
    final KubernetesMockServer server;
    final KubernetesClient admin;
    final Fabric8Cluster cluster;

    private MockApi(boolean crud) {
        server = crud ? new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false) : new KubernetesMockServer(false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        admin = server.createClient();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(admin.getConfiguration())
                .withConnectionTimeout(2_000).withRequestTimeout(5_000).withRequestRetryBackoffLimit(0).build())
                .build();
        cluster = new Fabric8Cluster(client, "context mock (" + url() + ")", Duration.ofMillis(50));
    }

    static MockApi crud() {
        return new MockApi(true);
    }

    static MockApi expectations() {
        return new MockApi(false);
    }

    String url() {
        return server.url("/").replaceAll("/$", "");
    }

    void namespaces(String... names) {
        for (String ns : names) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
    }

    @Override
    public void close() {
        cluster.close();
        admin.close();
        server.destroy();
    }
}
