package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** RestConfigMapKeys against a local HTTP server that answers as the API server would. */
class RestConfigMapKeysTest {
    private static final String PATH = "/api/v1/namespaces/kube-system/configmaps/coredns-custom";

    /**
     * Removing the last key of a ConfigMap svcalias created deletes it; a 404 to that DELETE means someone deleted
     * it first: it is gone, as fabric8's delete treats it, not a conflict to retry.
     */
    @Test
    void aDeleteAnswered404IsGoneNotAConflict() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            calls.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            boolean get = ex.getRequestMethod().equals("GET");
            byte[] body = (get ? "{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"coredns-custom\",\"namespace\":"
                    + "\"kube-system\",\"resourceVersion\":\"7\",\"annotations\":{\"svcalias.dev/created\":\"true\"}},"
                    + "\"data\":{\"a.server\":\"x\"}}"
                    : "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"configmaps \\\"coredns-custom\\\" not "
                    + "found\",\"reason\":\"NotFound\",\"code\":404}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(get ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (KubeRest rest = new KubeRest(new RestTarget(URI.create(url), SSLContext.getDefault(), null, "local"),
                Duration.ofSeconds(2), Duration.ofSeconds(5), "test")) {
            RestConfigMapKeys keys = new RestConfigMapKeys(rest, new ApiErrors(url));
            KeySnapshot read = keys.read(new ConfigMapRef("kube-system", "coredns-custom", "a.server"));
            assertThat(read.value()).contains("x");
            KeySnapshot written = keys.write(read, Optional.empty(), Map.of());
            assertThat(written.exists()).isFalse();
            assertThat(calls).containsExactly("GET " + PATH, "GET " + PATH, "DELETE " + PATH);
        } finally {
            server.stop(0);
        }
    }
}
