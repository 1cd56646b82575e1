package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean REST path and fabric8 against the same misbehaving local HTTP server: the user sees the same error.
 */
class RestVersusFabric8Test {
    private static final ConfigMapRef COREDNS = new ConfigMapRef("kube-system", "coredns", "Corefile");

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private Throwable readThrough(ClusterConnector connector) throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, KubeconfigText.single("local", "http://127.0.0.1:" + server.getAddress().getPort()));
        try (Cluster c = connector.connect(file.toString(), null)) {
            return catchThrowable(() -> c.corefiles().read(COREDNS));
        }
    }

    private static Fabric8ClusterConnector fabric8() {
        return new Fabric8ClusterConnector(k -> null, Path.of("/nonexistent"), Duration.ofSeconds(2),
                Duration.ofSeconds(3));
    }

    @Test
    void anHtmlErrorPageGivesTheReasonPhraseNotTheBody() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] page = ("<html><head><title>502 Bad Gateway</title></head><body>" + "<!-- padding -->".repeat(200)
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(502, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        server.start();
        Throwable lean = readThrough(new RestClusterConnector(fabric8()));
        Throwable old = readThrough(fabric8());
        assertThat(lean).hasMessageNotContaining("<html").hasMessageContaining("Bad Gateway");
        assertThat(lean.getMessage()).isEqualTo(old.getMessage());
        assertThat(lean.getClass()).isEqualTo(old.getClass());
    }
}
