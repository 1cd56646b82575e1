package dev.svcalias.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short host command (ip, iptables, umount, ctr): its exit code and output. */
record HostCommand(int exitCode, String output) {
    static HostCommand run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new HostCommand(-1, out + " (timed out)");
            }
            return new HostCommand(p.exitValue(), out);
        } catch (IOException e) {
            return new HostCommand(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HostCommand(-1, "interrupted");
        }
    }

    /** Runs it and fails with its output unless it exits 0. */
    static String require(String... command) {
        HostCommand r = run(command);
        if (r.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exitCode + "): " + r.output);
        }
        return r.output;
    }

    boolean ok() {
        return exitCode == 0;
    }
}
