package dev.svcalias.cluster;

import java.time.Duration;
import java.util.List;

/** Runs a short-lived DNS probe pod (the recipe's "dig pod") and returns what it printed. */
public interface ProbePods {
    /**
     * Creates a pod in {@code namespace} running {@code command} in {@code image}: non-root, no service-account
     * token, small resource limits, restartPolicy Never. Waits until it ends or {@code timeout} passes, returns
     * its log, and deletes it in every case (a JVM shutdown hook covers Ctrl-C).
     */
    ProbeResult run(String namespace, String image, List<String> command, Duration timeout);

    record ProbeResult(String podName, String phase, String log) {}
}
