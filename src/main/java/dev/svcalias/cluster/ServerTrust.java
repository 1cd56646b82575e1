package dev.svcalias.cluster;

import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts an API server as kubectl does: the chain must lead to one trust anchor set (the kubeconfig's CA when it
 * gives one, else the system's store; never both), and the leaf certificate must name {@code expectedName} — the
 * cluster's tls-server-name when set, else the server URL's host — in its subject alternative names (as Go's
 * crypto/x509: DNS names with a whole-label leftmost wildcard, IP addresses for an IP; no common-name fallback).
 * The name is checked here, not by the TLS engine: the engine would check the URL's host, not tls-server-name.
 */
final class ServerTrust extends X509ExtendedTrustManager {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    private final X509ExtendedTrustManager anchors;
    private final String expectedName;

    ServerTrust(X509ExtendedTrustManager anchors, String expectedName) {
        this.anchors = anchors;
        this.expectedName = expectedName;
    }

    /** The trust manager of {@code store}'s certificates, or of the JVM's default (system) store when it is null. */
    static X509ExtendedTrustManager anchors(KeyStore store) {
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

    /** A trust anchor store holding {@code certificates} only. */
    static KeyStore store(X509Certificate[] certificates) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                store.setCertificateEntry("ca" + i, certificates[i]);
            }
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the CA trust store: " + e.getMessage(), e);
        }
    }

    private void check(X509Certificate[] chain, String authType) throws CertificateException {
        anchors.checkServerTrusted(chain, authType); // the chain alone: no host name check by the JDK
        if (!names(chain[0], expectedName)) {
            throw new CertificateException("x509: certificate is not valid for " + expectedName + " (it is for "
                    + alternativeNames(chain[0]) + ")");
        }
    }

    /** Go's rule: an IP matches an IP SAN; a host name matches a DNS SAN, "*." only as the whole first label. */
    static boolean names(X509Certificate certificate, String name) throws CertificateParsingException {
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        if (sans == null) {
            return false;
        }
        String host = name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        boolean ip = host.contains(":") || host.matches("[0-9.]+");
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            String value = san.get(1).toString();
            if (ip && type == IP_ADDRESS && sameAddress(value, host)) {
                return true;
            }
            if (!ip && type == DNS_NAME && dnsMatches(value.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""), host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a.replaceAll("[\\[\\]]", "")).equals(
                    InetAddress.getByName(b.replaceAll("[\\[\\]]", "")));
        } catch (java.net.UnknownHostException e) {
            return false; // literals only: getByName does not resolve them
        }
    }

    private static String alternativeNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        return sans == null ? "no subject alternative names" : sans.stream().map(san -> san.get(1).toString())
                .toList().toString();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("svcalias is a client: it trusts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("svcalias is a client: it trusts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("svcalias is a client: it trusts no client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.getAcceptedIssuers();
    }
}
