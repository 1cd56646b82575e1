package dev.svcalias.cluster;

import java.time.Duration;
import java.util.List;

/** Runs a short-lived DNS probe pod (the recipe's "dig pod") and returns what it printed. */
public interface ProbePods {
    /**
     * How the pod joins the mesh: never ({@code NONE}, the default probe: no sidecar, out of ambient), with an
     * injected sidecar whose DNS capture is on ({@code SIDECAR}), or enrolled in ambient mode ({@code AMBIENT}).
     */
    enum Meshing { NONE, SIDECAR, AMBIENT }

    /**
     * Creates a pod in {@code namespace} running {@code command} in {@code image}: non-root, no service-account
     * token, small resource limits, restartPolicy Never. Waits until it ends or {@code timeout} passes, returns
     * its log, and deletes it in every case (a JVM shutdown hook covers Ctrl-C).
     */
    default ProbeResult run(String namespace, String image, List<String> command, Duration timeout) {
        return run(namespace, image, command, timeout, Meshing.NONE);
    }

    /** As above, meshed as asked; the log is the probe container's (a sidecar's is not part of it). */
    ProbeResult run(String namespace, String image, List<String> command, Duration timeout, Meshing meshing);

    record ProbeResult(String podName, String phase, String log) {}
}
