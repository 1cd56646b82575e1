package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemTlsTest {
    @Test
    void readsPkcs8AndPkcs1RsaKeysAsTheSameKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        PrivateKey fromPkcs8 = PemTls.privateKey(pem("PRIVATE KEY", key.getEncoded())).orElseThrow();
        PrivateKey fromPkcs1 = PemTls.privateKey(pem("RSA PRIVATE KEY", pkcs1(key))).orElseThrow();
        assertThat(fromPkcs8.getEncoded()).isEqualTo(key.getEncoded());
        assertThat(fromPkcs1.getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void leavesKeysItDoesNotReadToFabric8() throws Exception {
        assertThat(PemTls.privateKey(pem("EC PRIVATE KEY", new byte[] {0x30, 0x00}))).isEmpty();
        assertThat(PemTls.privateKey("not a key")).isEmpty();
        assertThat(PemTls.context(null, false, "cert only", null)).isEmpty();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** RSAPrivateKey (RFC 8017 A.1.2): a SEQUENCE of INTEGERs, which BigInteger.toByteArray() encodes as DER wants. */
    private static byte[] pkcs1(RSAPrivateCrtKey k) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (BigInteger i : new BigInteger[] {BigInteger.ZERO, k.getModulus(), k.getPublicExponent(),
            k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(),
            k.getCrtCoefficient()}) {
            body.writeBytes(tlv(0x02, i.toByteArray()));
        }
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
