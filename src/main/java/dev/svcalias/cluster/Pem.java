package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys from PEM text, as kubectl reads them: X.509 certificates; PKCS#8 ("PRIVATE KEY",
 * RSA or EC), PKCS#1 ("RSA PRIVATE KEY") and SEC1 ("EC PRIVATE KEY") keys. Bad data is exit 4 naming what it is
 * ({@code what}: "client-key-data of user \"admin\"").
 */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]*)-----END \\1-----");
    /** rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, as PKCS#8 names an RSA key. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {}

    static X509Certificate[] certificates(String pem, String what) {
        try {
            X509Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
            if (chain.length == 0) {
                throw bad(what, "no certificate in it");
            }
            return chain;
        } catch (CertificateException e) {
            throw bad(what, "no PEM certificate in it (" + ApiErrors.oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    static PrivateKey privateKey(String pem, String what) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw bad(what, "no PEM private key in it");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).trim());
            return switch (m.group(1)) {
                case "PRIVATE KEY" -> pkcs8(der, what);
                case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                        sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, der(0x04, der)))));
                case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                        sequence(concat(new byte[] {0x02, 0x01, 0x00}, sequence(concat(EC_PUBLIC_KEY,
                                sec1Curve(der, what))), der(0x04, der)))));
                default -> throw bad(what, "a \"" + m.group(1) + "\" block, not a private key kubectl reads "
                        + "(PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
            };
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw bad(what, "the " + m.group(1) + " block does not decode ("
                    + ApiErrors.oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static PrivateKey pkcs8(byte[] der, String what) throws GeneralSecurityException {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (java.security.spec.InvalidKeySpecException e) {
                // try the next algorithm
            }
        }
        throw bad(what, "a PKCS#8 key that is neither RSA, EC nor Ed25519");
    }

    /**
     * The named curve's OID of a SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING key, [0] OID curve, ... }.
     */
    private static byte[] sec1Curve(byte[] der, String what) {
        int[] at = {0};
        enter(der, at, 0x30);
        skip(der, at, 0x02);
        skip(der, at, 0x04);
        int length = enter(der, at, 0xa0);
        if (der[at[0]] != 0x06) {
            throw bad(what, "an EC PRIVATE KEY without a named curve");
        }
        byte[] oid = new byte[length];
        System.arraycopy(der, at[0], oid, 0, length);
        return oid;
    }

    /** Steps into the element at {@code at} (which must have {@code tag}); returns its content length. */
    private static int enter(byte[] der, int[] at, int tag) {
        if ((der[at[0]] & 0xff) != tag) {
            throw new IllegalArgumentException("unexpected DER tag " + (der[at[0]] & 0xff) + " at " + at[0]);
        }
        at[0]++;
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }

    private static void skip(byte[] der, int[] at, int tag) {
        int length = enter(der, at, tag); // before the add: "at[0] += enter(...)" would add to the old position
        at[0] += length;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    private static byte[] sequence(byte[] content) {
        return der(0x30, content);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n} : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, length, content);
    }

    private static SvcaliasException bad(String what, String why) {
        return new SvcaliasException(ExitCode.CLUSTER_ACCESS, what + " is not valid: " + why,
                "check the kubeconfig with kubectl config view --raw, or log in again to get fresh credentials");
    }
}
