package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl's trust rules over real TLS, through the whole connector, against a local HTTPS server whose certificate
 * the "system" trust store (javax.net.ssl.trustStore, made for the test) trusts and the kubeconfig's CA does not.
 */
class KubectlTrustTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Map<String, String> SAVED = new HashMap<>();
    @TempDir
    Path dir;
    private HttpsServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private KeyStore serverKeys;
    private String serverPem;
    private String otherCaPem;

    @BeforeEach
    void start() throws Exception {
        serverKeys = selfSigned("server", "ip:127.0.0.1,dns:api.internal");
        serverPem = pem(serverKeys, "server");
        otherCaPem = pem(selfSigned("other-ca", "ip:127.0.0.1"), "other-ca");
        KeyStore system = KeyStore.getInstance("PKCS12");
        system.load(null, null);
        system.setCertificateEntry("server", serverKeys.getCertificate("server"));
        Path systemFile = dir.resolve("system-trust.p12");
        try (OutputStream out = Files.newOutputStream(systemFile)) {
            system.store(out, PASSWORD);
        }
        Map.of("javax.net.ssl.trustStore", systemFile.toString(), "javax.net.ssl.trustStoreType", "PKCS12",
                "javax.net.ssl.trustStorePassword", "changeit").forEach((k, v) -> SAVED.put(k, System.setProperty(k, v)));
        server = serve(serverKeys);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        SAVED.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void theKubeconfigsCaAloneDecidesNotTheSystemStore() throws Exception {
        assertThatThrownBy(() -> reach(cluster("certificate-authority-data: " + base64(otherCaPem))))
                .isInstanceOfSatisfying(ApiUnreachableException.class, e -> assertThat(e.getMessage())
                        .contains("TLS handshake failed"));
        assertThat(reach(cluster("certificate-authority-data: " + base64(serverPem)))).isFalse();
    }

    @Test
    void theSystemStoreOnlyWhenTheKubeconfigGivesNoCa() throws Exception {
        assertThat(reach(cluster(""))).isFalse();
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void aCaWithInsecureSkipTlsVerifyIsRefusedAsKubectlRefusesIt() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.crt"), serverPem);
        assertThatThrownBy(() -> reach(cluster("certificate-authority: " + ca + "\n    insecure-skip-tls-verify: true")))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_ACCESS);
                    assertThat(e.getMessage()).contains("specifying a root certificates file with the insecure "
                            + "flag is not allowed");
                    assertThat(e.hint()).contains("insecure-skip-tls-verify");
                });
        assertThat(requests.get()).isZero();
        assertThat(reach(cluster("insecure-skip-tls-verify: true"))).isFalse(); // alone: any server, as kubectl
    }

    @Test
    void theHostNameIsCheckedAgainstTlsServerNameWhenSet() throws Exception {
        KeyStore named = selfSigned("named", "dns:api.internal");
        server.stop(0);
        server = serve(named);
        String ca = "certificate-authority-data: " + base64(pem(named, "named"));
        assertThatThrownBy(() -> reach(cluster(ca))).isInstanceOfSatisfying(ApiUnreachableException.class,
                e -> assertThat(e.getMessage()).contains("not valid for 127.0.0.1"));
        assertThat(reach(cluster(ca + "\n    tls-server-name: api.internal"))).isFalse();
        assertThatThrownBy(() -> reach(cluster(ca + "\n    tls-server-name: other.internal")))
                .isInstanceOfSatisfying(ApiUnreachableException.class, e -> assertThat(e.getMessage())
                        .contains("not valid for other.internal"));
    }

    /** Asks whether namespace "probe" exists: false (the server answers 404) when the connection was trusted. */
    private boolean reach(Path kubeconfig) {
        try (Cluster cluster = new Fabric8ClusterConnector(k -> null, dir, Duration.ofSeconds(2),
                Duration.ofSeconds(5)).connect(kubeconfig.toString(), null)) {
            return cluster.services().namespaceExists("probe");
        }
    }

    private Path cluster(String tls) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: https://127.0.0.1:%d
                    %s
                users:
                - name: u
                  user:
                    token: t
                contexts:
                - name: ctx
                  context: {cluster: c, user: u}
                current-context: ctx
                """.formatted(server.getAddress().getPort(), tls));
    }

    private HttpsServer serve(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", ex -> {
            requests.incrementAndGet();
            byte[] body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        https.start();
        return https;
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static String pem(KeyStore keys, String alias) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(keys.getCertificate(alias)
                .getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /** A key store holding one self-signed certificate for {@code san}, made by the JDK's keytool. */
    private KeyStore selfSigned(String alias, String san) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", alias, "-dname", "CN=" + alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-ext", "san=" + san).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
