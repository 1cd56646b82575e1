package dev.svcalias.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the real servers live: the cache that src/testbed/build.sh fills. Missing binaries are built on first use;
 * when they cannot be built the tests fail loudly (CI must never skip them silently) unless SVCALIAS_SKIP_REAL=1.
 */
final class Testbed {
    static final String COREDNS = "coredns-v1.14.7";
    static final String COREDNS_OLD = "coredns-v1.6.2";
    static final String ETCD = "etcd-v3.6.16";
    static final String KUBE_APISERVER = "kube-apiserver-v1.34.4";

    private Testbed() {}

    static Path cache() {
        String env = System.getenv("SVCALIAS_TESTBED_CACHE");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "svcalias-testbed");
    }

    static boolean skipRequested() {
        return "1".equals(System.getenv("SVCALIAS_SKIP_REAL"));
    }

    private static boolean built;

    /** The binary; the build script runs once per JVM (seconds when everything is cached, so sources never go stale). */
    static Path binary(String component, String name) {
        Path path = cache().resolve(component).resolve(name);
        synchronized (Testbed.class) {
            if (!built) {
                runBuildScript();
                built = true;
            }
        }
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(component + " is not built and could not be built: see "
                    + cache().resolve(component).resolve("FAILED") + " (run bash src/testbed/build.sh)");
        }
        return path;
    }

    /** The old CoreDNS (Istio's 1.6.2) if today's Go could build it. */
    static Optional<Path> oldCoreDns() {
        Path path = cache().resolve(COREDNS_OLD).resolve("coredns");
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    static Optional<String> oldCoreDnsFailure() {
        try {
            Path failed = cache().resolve(COREDNS_OLD).resolve("FAILED");
            return Files.exists(failed) ? Optional.of(Files.readString(failed)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void runBuildScript() {
        try {
            Path log = Files.createTempFile("svcalias-testbed-build", ".log");
            Process p = new ProcessBuilder(List.of("bash", "src/testbed/build.sh"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("src/testbed/build.sh took over 60 minutes; log: " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run src/testbed/build.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the testbed", e);
        }
    }
}
