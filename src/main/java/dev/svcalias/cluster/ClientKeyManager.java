package dev.svcalias.cluster;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The user's one client certificate, offered whenever the server asks for a key of its algorithm; asked of
 * {@code certificate} at each handshake, so an exec plugin's renewed certificate is used. Used instead of a PKCS#12
 * key store: storing a key there encrypts it with a password-based cipher (thousands of hash rounds), which took
 * 0.8 s of a command's start on this machine.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final Supplier<ClientCert> certificate;

    /** @param certificate the certificate to offer, or null (then none is offered) */
    ClientKeyManager(Supplier<ClientCert> certificate) {
        this.certificate = certificate;
    }

    private String alias(String... keyTypes) {
        ClientCert cert = certificate.get();
        if (cert == null) {
            return null;
        }
        String algorithm = cert.key().getAlgorithm();
        for (String type : keyTypes) {
            // TLS 1.3 asks for "RSASSA-PSS" among others for an RSA key
            if (type.equals(algorithm) || (type.equals("RSASSA-PSS") && algorithm.equals("RSA"))) {
                return ALIAS;
            }
        }
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return alias(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return alias(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return alias(keyType) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ClientCert cert = ALIAS.equals(alias) ? certificate.get() : null;
        return cert == null ? null : cert.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ClientCert cert = ALIAS.equals(alias) ? certificate.get() : null;
        return cert == null ? null : cert.key();
    }
}
