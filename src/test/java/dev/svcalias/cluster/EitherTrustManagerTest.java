package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real TLS to a local HTTPS server: a server the kubeconfig's CA does not sign but the "JVM default" trust
 * store holds is trusted, as fabric8 trusted it; one neither holds is not; host names are still checked.
 */
class EitherTrustManagerTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void trustsAServerTheCaOrTheDefaultStoreTrusts() throws Exception {
        KeyStore server = selfSigned("server", "ip:127.0.0.1");
        KeyStore kubeconfigCa = selfSigned("other-ca", "ip:127.0.0.1");
        assertThat(get(server, new EitherTrustManager(trust(kubeconfigCa), () -> trust(server)))).isEqualTo(200);
        assertThat(get(server, new EitherTrustManager(trust(server), () -> trust(kubeconfigCa)))).isEqualTo(200);
        assertThatThrownBy(() -> get(server, new EitherTrustManager(trust(kubeconfigCa), () -> trust(kubeconfigCa))))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void stillChecksTheHostName() throws Exception {
        KeyStore server = selfSigned("server", "dns:elsewhere.example");
        KeyStore kubeconfigCa = selfSigned("other-ca", "ip:127.0.0.1");
        assertThatThrownBy(() -> get(server, new EitherTrustManager(trust(kubeconfigCa), () -> trust(server))))
                .isInstanceOf(SSLHandshakeException.class);
    }

    /** PemTls with a kubeconfig CA still trusts the JVM's default trust store (javax.net.ssl.trustStore here). */
    @Test
    void pemTlsTrustsTheJvmDefaultStoreBesideTheKubeconfigCa() throws Exception {
        KeyStore server = selfSigned("server", "ip:127.0.0.1");
        KeyStore kubeconfigCa = selfSigned("other-ca", "ip:127.0.0.1");
        Certificate caCert = kubeconfigCa.getCertificate("other-ca");
        String caPem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(caCert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        KeyStore jvmStore = KeyStore.getInstance("PKCS12");
        jvmStore.load(null, null);
        jvmStore.setCertificateEntry("server", server.getCertificate("server"));
        Path jvmFile = dir.resolve("jvm-trust.p12");
        try (OutputStream out = Files.newOutputStream(jvmFile)) {
            jvmStore.store(out, PASSWORD);
        }
        Map<String, String> saved = new HashMap<>();
        Map<String, String> set = Map.of("javax.net.ssl.trustStore", jvmFile.toString(),
                "javax.net.ssl.trustStoreType", "PKCS12", "javax.net.ssl.trustStorePassword", "changeit");
        set.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
        try {
            assertThat(get(server, PemTls.context(caPem, false, null, null).orElseThrow())).isEqualTo(200);
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /** A key store holding one self-signed certificate for {@code san}, made by the JDK's keytool. */
    private KeyStore selfSigned(String alias, String san) throws Exception {
        Path file = dir.resolve(alias + "-" + san.replace(':', '-') + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", alias, "-dname", "CN=" + alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-ext", "san=" + san).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    /** A trust manager that trusts the certificate in {@code keys} only. */
    private static X509ExtendedTrustManager trust(KeyStore keys) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            String alias = keys.aliases().nextElement();
            Certificate cert = keys.getCertificate(alias);
            store.setCertificateEntry(alias, cert);
            return EitherTrustManager.of(store);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int get(KeyStore serverKeys, X509ExtendedTrustManager clientTrust) throws Exception {
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, new TrustManager[] {clientTrust}, null);
        return get(serverKeys, clientTls);
    }

    private static int get(KeyStore serverKeys, SSLContext clientTls) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        HttpClient client = HttpClient.newBuilder().sslContext(clientTls).build();
        try {
            return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.getAddress().getPort()
                    + "/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } finally {
            server.stop(0);
        }
    }
}
