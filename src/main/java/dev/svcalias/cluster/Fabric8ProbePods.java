package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The verify probe pod: non-root, no service-account token, no privilege escalation, small limits, never
 * restarted, and always deleted: in a finally block, and by a JVM shutdown hook while it lives (Ctrl-C).
 */
final class Fabric8ProbePods implements ProbePods {
    private final KubernetesClient client;
    private final ApiErrors errors;

    Fabric8ProbePods(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public ProbeResult run(String namespace, String image, List<String> command, Duration timeout) {
        Pod created = errors.call("create pod in " + namespace,
                () -> client.pods().inNamespace(namespace).resource(spec(namespace, image, command)).create());
        String name = created.getMetadata().getName();
        Thread cleanup = new Thread(() -> delete(namespace, name), "svcalias-probe-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            String phase = waitForEnd(namespace, name, timeout);
            String log = errors.call("get pods/log " + namespace + "/" + name,
                    () -> client.pods().inNamespace(namespace).withName(name).getLog());
            return new ProbeResult(name, phase, log == null ? "" : log);
        } finally {
            delete(namespace, name);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the pod is being deleted anyway
            }
        }
    }

    private String waitForEnd(String namespace, String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String phase = "Pending";
        while (Instant.now().isBefore(deadline)) {
            Pod pod = errors.call("get pod " + namespace + "/" + name,
                    () -> client.pods().inNamespace(namespace).withName(name).get());
            phase = pod == null || pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending"
                    : pod.getStatus().getPhase();
            if (phase.equals("Succeeded") || phase.equals("Failed")) {
                return phase;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return phase;
            }
        }
        return phase + " (timed out after " + timeout.toSeconds() + "s)";
    }

    private void delete(String namespace, String name) {
        try {
            client.pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
        } catch (RuntimeException ignored) {
            // best effort: the pod is labelled managed-by=svcalias for manual clean-up
        }
    }

    static Pod spec(String namespace, String image, List<String> command) {
        Map<String, Quantity> limits = Map.of("cpu", new Quantity("100m"), "memory", new Quantity("32Mi"));
        return new PodBuilder()
                .withNewMetadata().withGenerateName("svcalias-verify-").withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "svcalias").endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(65534L).withRunAsGroup(65534L)
                .endSecurityContext()
                .addNewContainer().withName("probe").withImage(image).withCommand(command)
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .withNewResources().withRequests(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("8Mi")))
                .withLimits(limits).endResources()
                .endContainer()
                .endSpec().build();
    }
}
