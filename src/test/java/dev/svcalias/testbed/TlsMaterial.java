package dev.svcalias.testbed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSL contexts from the testbed's PEM files (OpenSSL 3 writes PKCS#8 keys): one serving the API server's own
 * certificate, one trusting the testbed CA and presenting a client certificate.
 */
@SuppressWarnings("ArrayRecordComponent") // {cert, key} pairs as Pki hands them out; never compared
record TlsMaterial(Path caCert, Path[] serving, Path[] client) {
    private static final char[] PASSWORD = "testbed".toCharArray();

    static TlsMaterial of(Pki pki, Path[] client) {
        return new TlsMaterial(pki.caCert, new Path[] {pki.dir.resolve("apiserver.crt"),
                pki.dir.resolve("apiserver.key")}, client);
    }

    SSLContext serverContext() {
        return context(keyStore(serving), null);
    }

    SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", certificate(caCert));
            return context(keyStore(client), trust);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(KeyStore keys, KeyStore trust) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            TrustManagerFactory tmf = null;
            if (trust != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore keyStore(Path[] certAndKey) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("key", privateKey(certAndKey[1]), PASSWORD, new Certificate[] {certificate(certAndKey[0])});
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                Files.readAllBytes(pem)));
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem);
        if (!text.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalStateException(pem + " is not a PKCS#8 key (BEGIN PRIVATE KEY)");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }
}
