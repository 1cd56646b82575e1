package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** Headers, then a body that never comes: the request timeout covers the body too. */
    @Test
    void aBodyThatStallsTimesOutLikeFabric8() throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                List<Socket> open = new ArrayList<>();
                try {
                    while (true) {
                        Socket s = stalling.accept();
                        open.add(s);
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.US_ASCII));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // the request's headers
                        }
                        s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100\r\n\r\n{\"kind\":").getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush(); // and never the rest
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            Path file = dir.resolve("kubeconfig");
            Files.writeString(file, KubeconfigText.single("local", "http://127.0.0.1:" + stalling.getLocalPort()));
            Throwable lean = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (Cluster c = new RestClusterConnector(fabric8()).connect(file.toString(), null)) {
                    return catchThrowable(() -> c.corefiles().read(COREDNS));
                }
            });
            // fabric8 itself waits for such a body without end (its request timeout stops at the headers too),
            // so there is nothing of its to compare with: the lean path says "timed out" as for a silent server
            assertThat(lean).isInstanceOf(SvcaliasException.class).hasMessageContaining("timed out");
            assertThat(((SvcaliasException) lean).exitCode()).isEqualTo(ExitCode.CLUSTER_ACCESS);
        }
    }
}
