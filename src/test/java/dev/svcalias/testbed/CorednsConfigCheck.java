package dev.svcalias.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Does a real CoreDNS load this Corefile? Starts the binary with it (after the same loopback translation the
 * cluster processes get) and reports whether it came up serving, or the error it printed.
 */
public final class CorednsConfigCheck {
    private CorednsConfigCheck() {}

    public record Outcome(boolean started, String log) {}

    static Outcome check(Path binary, String corefile, Path dir, Path kubeconfig) {
        int port = FreePorts.next();
        ClusterIpTranslation translation = new ClusterIpTranslation(java.util.Map.of(), port, 8053,
                kubeconfig);
        try {
            Path file = Files.createTempFile(dir, "check", ".Corefile");
            Files.writeString(file, translation.materialise(corefile));
            Path log = Files.createTempFile(dir, "check", ".log");
            try (LocalProcess p = new LocalProcess("coredns-check", List.of(binary.toString(), "-conf",
                    file.toString()), log)) {
                for (int i = 0; i < 40; i++) {
                    String text = Files.readString(log);
                    if (!p.alive()) {
                        return new Outcome(false, text);
                    }
                    // CoreDNS prints the served zones (e.g. ".:53", "dns://...") once every server is listening
                    if (text.contains("CoreDNS-")) {
                        return new Outcome(true, text);
                    }
                    LocalApiServer.sleep(250);
                }
                return new Outcome(false, Files.readString(log) + "\n(no startup banner within 10s)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
