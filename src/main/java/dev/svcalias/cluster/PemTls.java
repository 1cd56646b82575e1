package dev.svcalias.cluster;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context of a kubeconfig from its PEM texts: the cluster's CA and the JVM's default trust, the client
 * certificate and key (PKCS#8, or PKCS#1 RSA), or no verification at all (insecure-skip-tls-verify). Empty for a
 * key it does not read (e.g. SEC1 "EC PRIVATE KEY"): the caller then uses fabric8, which reads more formats.
 */
final class PemTls {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]*)-----END \\1-----");

    private PemTls() {}

    static Optional<SSLContext> context(String caPem, boolean insecure, String certPem, String keyPem)
            throws GeneralSecurityException, java.io.IOException {
        KeyManager[] keys = null;
        if (certPem != null && keyPem != null) {
            Optional<PrivateKey> key = privateKey(keyPem);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            X509Certificate[] chain = certificates(certPem).stream().map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
            keys = new KeyManager[] {new ClientKeyManager(key.get(), chain)};
        } else if (certPem != null || keyPem != null) {
            return Optional.empty(); // half a client certificate: let fabric8 report it
        }
        TrustManager[] trust = null; // the JVM's default trust
        if (insecure) {
            trust = new TrustManager[] {new TrustingAll()};
        } else if (caPem != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates(caPem)) {
                store.setCertificateEntry("ca" + i++, c);
            }
            // the CA or the JVM's default trust, as fabric8 trusts both
            trust = new TrustManager[] {new EitherTrustManager(EitherTrustManager.of(store),
                    () -> EitherTrustManager.of(null))};
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust, null);
        return Optional.of(context);
    }

    private static Collection<? extends Certificate> certificates(String pem) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    static Optional<PrivateKey> privateKey(String pem) throws GeneralSecurityException {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            return Optional.empty();
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2).trim());
        return switch (m.group(1)) {
            case "PRIVATE KEY" -> pkcs8(der);
            case "RSA PRIVATE KEY" -> Optional.of(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(rsaPkcs8(der))));
            default -> Optional.empty();
        };
    }

    private static Optional<PrivateKey> pkcs8(byte[] der) throws GeneralSecurityException {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)));
            } catch (java.security.spec.InvalidKeySpecException e) {
                // try the next algorithm
            }
        }
        return Optional.empty();
    }

    /** A PKCS#1 RSAPrivateKey wrapped as PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, the key as octets). */
    private static byte[] rsaPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n} : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }

    /** insecure-skip-tls-verify: no certificate or host name check, as kubectl does with that setting. */
    private static final class TrustingAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

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
