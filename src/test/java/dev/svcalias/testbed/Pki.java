package dev.svcalias.testbed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates for the local API server, made with the openssl command line: a CA, a serving certificate for
 * 127.0.0.1/localhost (and any further IPs), client certificates (CN = user, O = groups) and the service-account signing key.
 */
final class Pki {
    final Path dir;
    final Path caCert;
    final Path caKey;

    Pki(Path dir) {
        this(dir, List.of());
    }

    /** @param extraIps further IP addresses the serving certificate names (a node's bridge, the kubernetes Service) */
    Pki(Path dir, List<String> extraIps) {
        this.dir = dir;
        this.caCert = dir.resolve("ca.crt");
        this.caKey = dir.resolve("ca.key");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out",
                caCert.toString(), "-days", "2", "-subj", "/CN=svcalias-testbed-ca");
        openssl("genrsa", "-out", dir.resolve("sa.key").toString(), "2048");
        openssl("rsa", "-in", dir.resolve("sa.key").toString(), "-pubout", "-out", dir.resolve("sa.pub").toString());
        StringBuilder sans = new StringBuilder("subjectAltName=IP:127.0.0.1,DNS:localhost");
        extraIps.forEach(ip -> sans.append(",IP:").append(ip));
        signed("apiserver", "/CN=kube-apiserver", sans.toString());
    }

    Path saKey() {
        return dir.resolve("sa.key");
    }

    Path saPub() {
        return dir.resolve("sa.pub");
    }

    /** A client certificate for {@code user} in {@code groups}; returns {cert, key}. */
    Path[] client(String user, String... groups) {
        StringBuilder subject = new StringBuilder("/CN=" + user);
        for (String g : groups) {
            subject.append("/O=").append(g);
        }
        return signed("user-" + user, subject.toString(), "extendedKeyUsage=clientAuth");
    }

    /**
     * A client certificate whose key is in {@code keyForm}: "rsa-pkcs8" (OpenSSL 3's default), "rsa-pkcs1"
     * (RSA PRIVATE KEY), "ec-sec1" (EC PRIVATE KEY) or "ec-pkcs8"; returns {cert, key}.
     */
    Path[] clientWithKey(String user, String keyForm, String... groups) {
        String name = "user-" + user + "-" + keyForm;
        Path[] certAndKey = client(user + "-" + keyForm, groups);
        Path key = dir.resolve(name + "-" + keyForm + ".key");
        switch (keyForm) {
            case "rsa-pkcs8" -> key = certAndKey[1];
            case "rsa-pkcs1" -> openssl("rsa", "-in", certAndKey[1].toString(), "-traditional", "-out", key.toString());
            case "ec-sec1", "ec-pkcs8" -> {
                Path sec1 = dir.resolve(name + "-sec1.key");
                openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", sec1.toString());
                if (keyForm.equals("ec-pkcs8")) {
                    openssl("pkcs8", "-topk8", "-nocrypt", "-in", sec1.toString(), "-out", key.toString());
                } else {
                    key = sec1;
                }
                Path csr = dir.resolve(name + ".csr");
                StringBuilder subject = new StringBuilder("/CN=" + user + "-" + keyForm);
                for (String g : groups) {
                    subject.append("/O=").append(g);
                }
                openssl("req", "-new", "-key", sec1.toString(), "-out", csr.toString(), "-subj", subject.toString());
                openssl("x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                        "-CAcreateserial", "-out", certAndKey[0].toString(), "-days", "2", "-extfile",
                        dir.resolve(name + ".ext").toString());
            }
            default -> throw new IllegalArgumentException(keyForm);
        }
        return new Path[] {certAndKey[0], key};
    }

    Path[] signed(String name, String subject, String extension) {
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".crt");
        Path ext = dir.resolve(name + ".ext");
        try {
            java.nio.file.Files.writeString(ext, extension + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", subject);
        openssl("x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
        return new Path[] {cert, key};
    }

    private void openssl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("openssl is needed for the testbed's certificates: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
