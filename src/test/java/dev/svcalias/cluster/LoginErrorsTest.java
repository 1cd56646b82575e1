package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.svcalias.testing.CliRun;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins that cannot work end with exit 4, one line naming what is wrong and a fix, before any request: missing or
 * unreadable files, bad PEM data, an expired client certificate, a malformed server URL, a missing tokenFile; and a
 * server that answers 404 with a web page is "not a Kubernetes API server", never an empty cluster.
 */
class LoginErrorsTest {
    @TempDir
    Path dir;

    private CliRun list(String cluster, String user) throws Exception {
        return list(cluster, user, "https://127.0.0.1:1");
    }

    private CliRun list(String cluster, String user, String server) throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: "%s"
                    %s
                users:
                - name: u
                  user:
                    %s
                contexts:
                - name: ctx
                  context: {cluster: c, user: u}
                current-context: ctx
                """.formatted(server, cluster, user));
        return CliRun.runWith(TestConnectors.of(Map.of(), dir, Duration.ofSeconds(5)), Map.of(), "", "alias", "list",
                "--kubeconfig", kubeconfig.toString());
    }

    private static void exit4(CliRun run, String... parts) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).as(run.toString()).startsWith("error: ").contains("; fix: ").hasLineCount(1);
        for (String part : parts) {
            assertThat(run.err()).as(run.toString()).contains(part);
        }
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        exit4(list("certificate-authority: " + dir.resolve("no-ca.crt"), "token: t"),
                "certificate authority of cluster \"c\" file " + dir.resolve("no-ca.crt") + " does not exist");
        exit4(list("", "client-certificate: missing.crt\n    client-key: missing.key"),
                "client certificate of user \"u\" file " + dir.resolve("missing.crt") + " does not exist");
        exit4(list("", "tokenFile: " + dir.resolve("no-token")), "tokenFile of user \"u\" does not exist");
    }

    @Test
    void badPemDataIsNamed() throws Exception {
        String garbage = java.util.Base64.getEncoder().encodeToString("not a certificate".getBytes(
                StandardCharsets.US_ASCII));
        exit4(list("certificate-authority-data: " + garbage, "token: t"),
                "the certificate authority of cluster \"c\" is not valid: no PEM certificate in it");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n");
        exit4(list("", "client-certificate-data: " + garbage + "\n    client-key: " + key),
                "the client certificate of user \"u\" is not valid");
        exit4(list("", "client-certificate: cert.pem"), "user \"u\" has a client certificate but no key");
    }

    @Test
    void anExpiredClientCertificateIsRefusedBeforeAnyRequest() throws Exception {
        Path store = dir.resolve("expired.p12");
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-keystore",
                store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-alias", "me", "-dname",
                "CN=me", "-keyalg", "EC", "-groupname", "secp256r1", "-startdate", "-3d", "-validity", "1");
        Path cert = dir.resolve("expired.crt");
        Path key = dir.resolve("expired.key");
        run("openssl", "pkcs12", "-in", store.toString(), "-passin", "pass:changeit", "-nokeys", "-out",
                cert.toString());
        run("openssl", "pkcs12", "-in", store.toString(), "-passin", "pass:changeit", "-nocerts", "-nodes", "-out",
                key.toString());
        exit4(list("", "client-certificate: " + cert + "\n    client-key: " + key),
                "the client certificate of user \"u\" expired at");
    }

    @Test
    void aMalformedServerUrlIsExit4() throws Exception {
        exit4(list("", "token: t", "https://exa mple:6443"), "the server URL \"https://exa mple:6443\" of cluster "
                + "\"c\" is malformed");
        exit4(list("", "token: t", "ftp://example:6443"), "is malformed");
    }

    @Test
    void aServerThatAnswers404WithAPageIsNotAKubernetesApiServer() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", ex -> {
            byte[] page = "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(404, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        web.start();
        try {
            String server = "http://127.0.0.1:" + web.getAddress().getPort() + "/some/path";
            exit4(list("", "token: t", server), "the server at " + server + " is not a Kubernetes API server",
                    "answered 404 with text/html");
        } finally {
            web.stop(0);
        }
    }

    private void run(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
