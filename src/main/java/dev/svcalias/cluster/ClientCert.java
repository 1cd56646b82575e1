package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** A client certificate chain and its key, checked not to have expired (kubectl would get a 401 for it). */
@SuppressWarnings("ArrayRecordComponent") // read by the key manager only, never compared
record ClientCert(PrivateKey key, X509Certificate[] chain) {
    /** @param whose "user \"admin\"", for messages */
    static ClientCert of(String certPem, String keyPem, String whose, Instant now) {
        X509Certificate[] chain = Pem.certificates(certPem, "the client certificate of " + whose);
        PrivateKey key = Pem.privateKey(keyPem, "the client key of " + whose);
        Instant notAfter = chain[0].getNotAfter().toInstant();
        if (notAfter.isBefore(now)) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the client certificate of " + whose
                    + " expired at " + notAfter + " (subject " + chain[0].getSubjectX500Principal().getName() + ")",
                    "log in again or renew the certificate (for example with your cluster's get-credentials "
                            + "command), then check it with kubectl auth whoami");
        }
        if (!chain[0].getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the client key of " + whose + " is "
                    + key.getAlgorithm() + " but its certificate's key is " + chain[0].getPublicKey().getAlgorithm(),
                    "check that client-certificate and client-key belong together (kubectl config view --raw)");
        }
        return new ClientCert(key, chain);
    }
}
