package dev.svcalias.cluster;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server when the kubeconfig's CA or the JVM's default trust store does, as fabric8 did (it adds the CA to
 * the default store). Each check is the delegate's own, host name checking included. The default manager is only
 * built when the CA refuses: reading the JVM's store costs start-up time a kubeconfig CA seldom needs.
 */
final class EitherTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager ca;
    private final Supplier<X509ExtendedTrustManager> fallback;
    private X509ExtendedTrustManager jvm;

    EitherTrustManager(X509ExtendedTrustManager ca, Supplier<X509ExtendedTrustManager> fallback) {
        this.ca = ca;
        this.fallback = fallback;
    }

    /** The trust manager of {@code store}, or of the JVM's default trust store when it is null. */
    static X509ExtendedTrustManager of(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store: " + e.getMessage(), e);
        }
    }

    private interface Check {
        void run(X509ExtendedTrustManager m) throws CertificateException;
    }

    private synchronized X509ExtendedTrustManager jvm() {
        if (jvm == null) {
            jvm = fallback.get();
        }
        return jvm;
    }

    private void either(Check check) throws CertificateException {
        try {
            check.run(ca);
        } catch (CertificateException byCa) {
            try {
                check.run(jvm());
            } catch (CertificateException byJvm) {
                byCa.addSuppressed(byJvm);
                throw byCa;
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        either(m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        either(m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        either(m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        either(m -> m.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        either(m -> m.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        either(m -> m.checkClientTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return Stream.concat(Arrays.stream(ca.getAcceptedIssuers()), Arrays.stream(jvm().getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
