package dev.svcalias.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the real servers live: the cache that src/testbed/build.sh fills, at the versions pinned in
 * src/testbed/versions.env. The build script runs once per JVM (seconds when everything is cached, and it
 * rebuilds what changed); a binary that is still missing afterwards fails the test loudly: CI must never skip
 * these tests silently. Only SVCALIAS_SKIP_REAL=1 skips them.
 */
final class Testbed {
    static final Path SCRIPTS = Path.of("src", "testbed");
    private static final Map<String, String> VERSIONS = readVersions();
    static final String KUBERNETES_VERSION = VERSIONS.get("KUBERNETES_VERSION");
    static final String ETCD_VERSION = VERSIONS.get("ETCD_VERSION");
    static final String COREDNS_VERSION = VERSIONS.get("COREDNS_VERSION");
    static final String COREDNS_ISTIO_VERSION = VERSIONS.get("COREDNS_ISTIO_VERSION");
    static final String COREDNS_PROXY_VERSION = VERSIONS.get("COREDNS_PROXY_VERSION");
    static final String ISTIO_VERSION = VERSIONS.get("ISTIO_VERSION");

    private static boolean built;
    private static String buildLog = "";

    private Testbed() {}

    static Path cache() {
        String env = System.getenv("SVCALIAS_TESTBED_CACHE");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "svcalias-testbed");
    }

    static boolean skipRequested() {
        return "1".equals(System.getenv("SVCALIAS_SKIP_REAL"));
    }

    static Path etcd() {
        return required("etcd-" + ETCD_VERSION, "etcd");
    }

    static Path kubeApiserver() {
        return kubernetes("kube-apiserver");
    }

    /** kube-apiserver, kubectl, kubelet, kube-proxy, kube-scheduler or kube-controller-manager (one build). */
    static Path kubernetes(String binary) {
        return required("kubernetes-" + KUBERNETES_VERSION, binary);
    }

    /** The node's image tarballs (pause.tar, busybox.tar, coredns.tar), built from local files by build.sh. */
    static Path nodeImage(String tarball) {
        Path path = nodeImages().resolve(tarball);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: src/testbed/build.sh could not build node-images "
                    + "(it needs Debian's busybox-static). " + buildLog);
        }
        return path;
    }

    /** A node image tarball that build.sh builds best effort (istiocoredns's); empty when it is not there. */
    static java.util.Optional<Path> optionalNodeImage(String tarball) {
        Path path = nodeImages().resolve(tarball);
        return Files.isRegularFile(path) ? java.util.Optional.of(path) : java.util.Optional.empty();
    }

    /**
     * The node-images version this checkout's build.sh run named ("node-images VERSION: cached" or "built"), not the
     * shared link node-images: another checkout's build.sh, with another recipe, re-points that link to its own.
     */
    private static Path nodeImages() {
        ensureBuilt();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("node-images ([0-9a-f]{12}): ").matcher(buildLog);
        return m.find() ? cache().resolve("node-images-" + m.group(1)) : cache().resolve("node-images");
    }

    static Path coredns() {
        return required("coredns-" + COREDNS_VERSION, "coredns");
    }

    static Path istioPluginFake() {
        return required("istio-plugin-fake", "istio-plugin-fake");
    }

    /** istiod, with the module's crd-all.gen.yaml beside it. */
    static Path pilotDiscovery() {
        return required("pilot-discovery-" + ISTIO_VERSION, "pilot-discovery");
    }

    /**
     * This checkout's build: build.sh's version of a component of ours is a hash of its sources, and the link
     * {@code istio-dns-proxy} names whichever checkout on the machine ran build.sh last.
     */
    static Path istioDnsProxy() {
        return required("istio-dns-proxy-" + sourceVersion("istio-dns-proxy"), "istio-dns-proxy");
    }

    /** build.sh's build_ours version: the first 12 hex digits of sha1(go.mod, go.sum, then each .go file by name). */
    static String sourceVersion(String component) {
        Path dir = SCRIPTS.resolve(component);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            sha1.update(Files.readAllBytes(dir.resolve("go.mod")));
            sha1.update(Files.readAllBytes(dir.resolve("go.sum")));
            for (Path go : files.filter(f -> f.toString().endsWith(".go")).sorted().toList()) {
                sha1.update(Files.readAllBytes(go));
            }
            return java.util.HexFormat.of().formatHex(sha1.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(dir.toString(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An older CoreDNS (1.6.2 or 1.1.2) when build.sh could build it with today's Go; see its FAILED file if not. */
    static Optional<Path> optional(String version) {
        ensureBuilt();
        Path path = cache().resolve("coredns-" + version).resolve("coredns");
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /** Why build.sh could not build {@code coredns-VERSION}, if it could not. */
    static Optional<String> failure(String version) {
        Path failed = cache().resolve("coredns-" + version).resolve("FAILED");
        try {
            return Files.exists(failed) ? Optional.of(Files.readString(failed)) : Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
    }

    private static Path required(String dir, String name) {
        ensureBuilt();
        Path path = cache().resolve(dir).resolve(name);
        if (!Files.isExecutable(path)) {
            Path failed = cache().resolve(dir).resolve("FAILED");
            String why;
            try {
                why = Files.exists(failed) ? failed + ":\n" + Files.readString(failed) : "build.sh said:\n" + buildLog;
            } catch (IOException e) {
                why = e.toString();
            }
            throw new IllegalStateException(path + " is missing and src/testbed/build.sh could not build it "
                    + "(the real-component tests never skip; SVCALIAS_SKIP_REAL=1 skips them on purpose). " + why);
        }
        return path;
    }

    private static synchronized void ensureBuilt() {
        if (built) {
            return;
        }
        built = true;
        try {
            Path log = Files.createTempFile("svcalias-testbed-build", ".log");
            Process p = new ProcessBuilder(List.of("bash", SCRIPTS.resolve("build.sh").toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(75, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("src/testbed/build.sh took over 75 minutes; log: " + log);
            }
            buildLog = Files.readString(log);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run src/testbed/build.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the testbed", e);
        }
    }

    private static Map<String, String> readVersions() {
        Map<String, String> versions = new HashMap<>();
        try {
            for (String line : Files.readAllLines(SCRIPTS.resolve("versions.env"))) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    versions.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("src/testbed/versions.env (run the tests from the repository root)", e);
        }
        return versions;
    }
}
