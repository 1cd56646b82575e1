package dev.svcalias.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Does a real CoreDNS load this Corefile? Starts the binary with it (after the same loopback translation the
 * cluster's CoreDNS processes get, so nothing listens beyond 127.0.0.1 and nothing is forwarded off the machine)
 * and reports whether it came up serving, or what it printed when it gave up. Checks run one at a time and always
 * use the same file name, so two outcomes' error messages can be compared as they are.
 */
public final class CorednsConfigCheck {
    private CorednsConfigCheck() {}

    /** {@code started}: CoreDNS printed its banner (every server listening) and was still running. */
    public record Outcome(boolean started, String log) {}

    static synchronized Outcome check(Path binary, String corefile, Path dir, Path kubeconfig, String apiServerUrl) {
        int port = FreePorts.next();
        ClusterIpTranslation translation = new ClusterIpTranslation(Map.of(), port, 8053, kubeconfig, apiServerUrl);
        try {
            Path checks = Files.createDirectories(dir.resolve("coredns-check"));
            Path file = checks.resolve("Corefile");
            Files.writeString(file, translation.materialise(corefile));
            Path log = checks.resolve("coredns.log");
            Files.deleteIfExists(log);
            try (LocalProcess p = new LocalProcess("coredns-check", List.of(binary.toString(), "-conf",
                    file.toString()), log)) {
                for (int i = 0; i < 150; i++) {
                    String text = Files.readString(log);
                    if (!p.alive()) {
                        return new Outcome(false, text);
                    }
                    // CoreDNS prints its version banner once every server is listening
                    if (text.contains("CoreDNS-")) {
                        LocalApiServer.sleep(200);
                        return new Outcome(p.alive(), Files.readString(log));
                    }
                    LocalApiServer.sleep(100);
                }
                return new Outcome(false, Files.readString(log) + "\n(no startup banner within 15s)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
