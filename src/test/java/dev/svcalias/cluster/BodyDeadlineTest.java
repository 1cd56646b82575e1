package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An answer whose body stalls after the headers ends as a timeout at the request timeout, not a hang. */
class BodyDeadlineTest {
    @TempDir
    Path dir;

    @Test
    void aBodyThatStallsAfterTheHeadersTimesOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread stalling = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    in.read(new byte[8192]);
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"kind\":").getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    Thread.sleep(30_000);
                } catch (Exception e) {
                    // the client gave up
                }
            });
            stalling.setDaemon(true);
            stalling.start();
            Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"),
                    KubeconfigText.single("stall", "http://127.0.0.1:" + server.getLocalPort()));
            Fabric8ClusterConnector connector = new Fabric8ClusterConnector(Map.<String, String>of()::get, dir,
                    Duration.ofSeconds(2), Duration.ofSeconds(2));
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (Cluster cluster = connector.connect(kubeconfig.toString(), null)) {
                    assertThatThrownBy(() -> cluster.services().namespaceExists("kube-system"))
                            .isInstanceOfSatisfying(ApiUnreachableException.class, e -> assertThat(e.getMessage())
                                    .contains("timed out"));
                }
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
