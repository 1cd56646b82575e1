package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * svcalias's TLS context for one cluster, with kubectl's trust rules: the cluster's CA only when it gives one, the
 * system's trust store only when it gives none; insecure-skip-tls-verify trusts any server, and together with a CA
 * it is refused, as kubectl refuses it. The client certificate comes from {@link ClientKeyManager}: no key store.
 */
final class ClusterTls {
    /** How the server's certificate is checked. */
    enum Trust {
        /** Against the cluster's certificate-authority(-data) only. */
        CLUSTER_CA,
        /** Against the JVM's (the system's) trust store: the cluster gives no CA. */
        SYSTEM,
        /** Not at all: insecure-skip-tls-verify. */
        NONE
    }

    private ClusterTls() {}

    static Trust trust(String caPem, boolean insecure, String cluster) {
        if (insecure && caPem != null) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "cluster \"" + cluster + "\" sets both a "
                    + "certificate authority and insecure-skip-tls-verify: specifying a root certificates file with "
                    + "the insecure flag is not allowed", "remove one of them: kubectl config unset clusters."
                    + cluster + ".insecure-skip-tls-verify (better), or drop certificate-authority(-data)");
        }
        return insecure ? Trust.NONE : caPem != null ? Trust.CLUSTER_CA : Trust.SYSTEM;
    }

    /**
     * @param caPem the cluster's CA certificates (PEM), null when it gives none
     * @param expectedName the name the server's certificate must hold: tls-server-name, else the server's host
     * @param certificate the client certificate to offer when asked (may give null)
     */
    static SSLContext context(Trust trust, String caPem, String expectedName, String cluster,
            Supplier<ClientCert> certificate) {
        X509ExtendedTrustManager manager = switch (trust) {
            case CLUSTER_CA -> new ServerTrust(ServerTrust.anchors(ServerTrust.store(Pem.certificates(caPem,
                    "the certificate authority of cluster \"" + cluster + "\""))), expectedName);
            case SYSTEM -> new ServerTrust(ServerTrust.anchors(null), expectedName);
            case NONE -> new TrustingAll();
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new ClientKeyManager(certificate)}, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no TLS: " + e.getMessage(), e);
        }
    }

    /** insecure-skip-tls-verify: no certificate or host name check, as kubectl does with that setting. */
    private static final class TrustingAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
