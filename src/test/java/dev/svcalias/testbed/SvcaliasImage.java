package dev.svcalias.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * svcalias's own container image, as the release builds it: target/image/svcalias-VERSION-image-linux-x86_64.tar
 * (src/dist/image.sh, from the self-contained launcher of src/dist/launcher.sh). .ci/run builds and checks it before
 * the tests; a test that runs it on the node rebuilds it here only when it is missing or does not hold this
 * checkout's jar (target/svcalias.jar, which the package phase has just built), so a stale image never runs.
 */
public final class SvcaliasImage {
    private static final Path TARGET = Path.of("target");

    private SvcaliasImage() {}

    /** The image tarball of this checkout's jar, built first when needed (a few minutes; output in a log). */
    public static synchronized Path tarball(String version) {
        Path jar = TARGET.resolve("svcalias.jar");
        Path launcher = TARGET.resolve("launcher/svcalias-" + version + "-linux-x86_64");
        Path image = TARGET.resolve("image/svcalias-" + version + "-image-linux-x86_64.tar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with mvn verify (it packages first)");
        }
        if (!sameContent(jar, launcher.resolve("lib/svcalias.jar"))) {
            run("src/dist/launcher.sh");
            run("src/dist/image.sh");
        } else if (!Files.isRegularFile(image) || olderThan(image, launcher.resolve("lib/svcalias.aot"))) {
            run("src/dist/image.sh");
        }
        return image;
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.isRegularFile(b) && Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean olderThan(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static void run(String script) {
        try {
            Path log = Files.createTempFile("svcalias-image-build", ".log");
            System.err.println("[image] bash " + script + " (log: " + log + ")");
            Process p = new ProcessBuilder(List.of("bash", script)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(script + " took over 30 minutes; log: " + log);
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException(script + " failed (exit " + p.exitValue() + "):\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
