package dev.svcalias.cluster;

import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The verify probe pod: non-root, no service-account token, no privilege escalation, small requests = limits,
 * never restarted, and always deleted: in a finally block, and by a JVM shutdown hook while it lives (Ctrl-C).
 */
final class Fabric8ProbePods implements ProbePods {
    static final String NAME_PREFIX = "svcalias-verify-";
    /** How long the shutdown hook waits for a create in flight before it deletes the pod. */
    private static final Duration CREATE_WAIT = Duration.ofSeconds(10);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** Waiting reasons after which the pod will never run: give up at once instead of at the timeout. */
    private static final Set<String> HOPELESS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError");
    private final KubernetesClient client;
    private final ApiErrors errors;
    private final Duration pollInterval;

    Fabric8ProbePods(KubernetesClient client, ApiErrors errors, Duration pollInterval) {
        this.client = client;
        this.errors = errors;
        this.pollInterval = pollInterval;
    }

    @Override
    public ProbeResult run(String namespace, String image, List<String> command, Duration timeout, Meshing meshing) {
        // the name is chosen here, not by generateName, so that the hook that deletes the pod on SIGINT or SIGTERM is
        // in place before the pod can exist: a signal while the create is in flight still deletes it
        String chosen = (meshing == Meshing.NONE ? NAME_PREFIX : NAME_PREFIX + "meshed-") + suffix();
        CountDownLatch createReturned = new CountDownLatch(1);
        Thread cleanup = new Thread(() -> {
            try {
                createReturned.await(CREATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delete(namespace, chosen);
        }, "svcalias-probe-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        String name;
        try {
            name = errors.call("create pod in " + namespace, () -> client.pods().inNamespace(namespace)
                    .resource(spec(namespace, chosen, image, command, meshing)).create()).getMetadata().getName();
        } catch (RuntimeException e) {
            removeHook(cleanup);
            throw e;
        } finally {
            createReturned.countDown();
        }
        try {
            String phase = waitForEnd(namespace, name, timeout);
            if (phase.startsWith("Pending")) { // not scheduled, or its container never started
                throw couldNotRun(namespace, name, phase);
            }
            return new ProbeResult(name, phase, log(namespace, name, meshing == Meshing.SIDECAR));
        } finally {
            delete(namespace, name);
            removeHook(cleanup);
        }
    }

    /** Five characters from the alphabet the API server's generateName uses (no vowels, no look-alike digits). */
    static String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static void removeHook(Thread cleanup) {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the pod is being deleted anyway
        }
    }

    private String waitForEnd(String namespace, String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String phase = "Pending";
        while (true) {
            Pod pod = errors.call("get pod " + namespace + "/" + name,
                    () -> client.pods().inNamespace(namespace).withName(name).get());
            phase = pod == null || pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending"
                    : pod.getStatus().getPhase();
            if (phase.equals("Succeeded") || phase.equals("Failed")) {
                return phase;
            }
            String stuck = hopeless(pod);
            if (stuck != null) {
                return phase + " (" + stuck + ")";
            }
            if (!Instant.now().plus(pollInterval).isBefore(deadline)) {
                return phase + " (timed out after " + timeout.toSeconds() + "s)";
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return phase + " (interrupted)";
            }
        }
    }

    /**
     * A probe pod that never ran says nothing about DNS: "could not verify" (exit 5, cluster state), with what held
     * it (the scheduler's message, an image pull, a container that could not be made), never "does not resolve".
     */
    private SvcaliasException couldNotRun(String namespace, String name, String phase) {
        Pod pod = null;
        try {
            pod = client.pods().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            // the phase says enough
        }
        String scheduling = pod == null || pod.getStatus() == null || pod.getStatus().getConditions() == null ? ""
                : pod.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType())
                        && "False".equals(c.getStatus())).map(c -> "; not scheduled: " + c.getReason()
                        + (c.getMessage() == null ? "" : " (" + ApiErrors.oneLine(c.getMessage()) + ")"))
                .findFirst().orElse("");
        return SvcaliasException.state("could not verify: the probe pod " + namespace + "/" + name + " never ran ("
                + phase + scheduling + ")", "check that pods can start in " + namespace + " (image --image, quota, "
                + "admission, node capacity), or pass --nameserver to query a DNS server directly");
    }

    private static String hopeless(Pod pod) {
        if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        for (ContainerStatus s : pod.getStatus().getContainerStatuses()) {
            var waiting = s.getState() == null ? null : s.getState().getWaiting();
            if (waiting != null && HOPELESS.contains(waiting.getReason())) {
                return waiting.getReason() + (waiting.getMessage() == null ? ""
                        : ": " + ApiErrors.oneLine(waiting.getMessage()));
            }
        }
        return null;
    }

    /** The log; empty when the container never started (the API answers 400) or the pod is already gone. */
    private String log(String namespace, String name, boolean sidecar) {
        try {
            var pod = client.pods().inNamespace(namespace).withName(name);
            // with a sidecar the pod has two containers, and the API wants the one to read named
            String log = sidecar ? pod.inContainer("probe").getLog() : pod.getLog();
            return log == null ? "" : log;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 400 || e.getCode() == 404) {
                return "";
            }
            throw errors.translate("get pods/log " + namespace + "/" + name, e);
        }
    }

    private void delete(String namespace, String name) {
        try {
            client.pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
        } catch (RuntimeException ignored) {
            // best effort: the pod is labelled managed-by=svcalias for manual clean-up
        }
    }

    static Pod spec(String namespace, String image, List<String> command) {
        return spec(namespace, NAME_PREFIX + suffix(), image, command, Meshing.NONE);
    }

    static Pod spec(String namespace, String image, List<String> command, Meshing meshing) {
        return spec(namespace, NAME_PREFIX + suffix(), image, command, meshing);
    }

    static Pod spec(String namespace, String name, String image, List<String> command, Meshing meshing) {
        // requests = limits: Guaranteed QoS, and admission policies that demand limits are satisfied
        Map<String, Quantity> resources = Map.of("cpu", new Quantity("50m"), "memory", new Quantity("32Mi"));
        return new PodBuilder()
                .withNewMetadata().withName(name)
                .withNamespace(namespace)
                .addToLabels(Fabric8ServiceEntries.MANAGED_BY, "svcalias")
                .addToLabels("app.kubernetes.io/name", "svcalias-verify")
                .addToAnnotations(meshing(meshing)).addToLabels(meshingLabels(meshing))
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(0L)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(65534L).withRunAsGroup(65534L)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewContainer().withName("probe").withImage(image).withCommand(command)
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true).withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                .endContainer()
                .endSpec().build();
    }

    /**
     * The plain probe is never meshed: an injected sidecar would keep it from completing, and a captured pod's
     * queries would be answered by the mesh's DNS proxy instead of kube-dns. The sidecar probe asks for injection
     * and turns DNS capture on for itself (proxy.istio.io/config, as Istio's DNS proxying guide does per pod), and
     * holds its command until the proxy is ready; the ambient probe is enrolled in ambient, without a sidecar.
     */
    private static Map<String, String> meshing(Meshing meshing) {
        return switch (meshing) {
            case NONE, AMBIENT -> Map.of("sidecar.istio.io/inject", "false");
            case SIDECAR -> Map.of("sidecar.istio.io/inject", "true", "proxy.istio.io/config",
                    "{\"holdApplicationUntilProxyStarts\":true,"
                            + "\"proxyMetadata\":{\"ISTIO_META_DNS_CAPTURE\":\"true\"}}");
        };
    }

    private static Map<String, String> meshingLabels(Meshing meshing) {
        return switch (meshing) {
            case NONE -> Map.of("sidecar.istio.io/inject", "false", "istio.io/dataplane-mode", "none");
            case SIDECAR -> Map.of("sidecar.istio.io/inject", "true", "istio.io/dataplane-mode", "none");
            case AMBIENT -> Map.of("sidecar.istio.io/inject", "false", "istio.io/dataplane-mode", "ambient");
        };
    }
}
