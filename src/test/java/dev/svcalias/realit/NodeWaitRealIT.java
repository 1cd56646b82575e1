package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.testbed.NodeCluster;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On the real node (kubeadm's Corefile, kubelet and reload defaults), nothing simulated: {@code init --wait} returns
 * only when every CoreDNS replica answers the zone's aliases (both replicas are asked the moment it returns), and a
 * {@code svcalias verify} process interrupted by SIGINT or SIGTERM deletes its probe pod.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeWaitRealIT {
    @RegisterExtension
    static final NodeCluster CLUSTER = NodeCluster.kubeadm();
    static final String ALIAS = "my-fruits.internal";

    static String kc() {
        return NodeChecks.kc(CLUSTER);
    }

    static Replicas replicas() {
        return NodeChecks.replicas(CLUSTER);
    }

    /**
     * The zone has an alias whose block the replicas no longer serve (reset kept the alias, took the block out and
     * every replica dropped it); init --wait writes the block again and returns only once both replicas answer.
     */
    @Test
    @Order(1)
    void initWaitReturnsOnlyWhenEveryReplicaAnswers() {
        CliRun init = CliRun.run("init", "--domain", "internal", kc());
        assertThat(init.exitCode()).as(init.toString()).isZero();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Replicas.Timed live = replicas().awaitAll(ALIAS, a -> a.addresses().equals(List.of(NodeCluster.FRUITS_IP)),
                NodeRecipeRealIT.COREFILE_LIMIT);
        assertThat(live.all()).as(live.describe() + CLUSTER.logs()).isTrue();
        CliRun reset = CliRun.run("reset", kc());
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        Replicas.Timed unzoned = replicas().awaitAll(ALIAS, (DnsAnswer a) -> !a.rcode().equals("NXDOMAIN")
                && a.addresses().isEmpty(), NodeRecipeRealIT.COREFILE_LIMIT);
        assertThat(unzoned.all()).as("reset kept the alias but the replicas drop the zone: " + unzoned.describe())
                .isTrue();

        long start = System.nanoTime();
        CliRun initWait = CliRun.run("init", "--domain", "internal", "--wait", "--timeout", "150s", kc());
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertThat(initWait.exitCode()).as(initWait + CLUSTER.logs()).isZero();
        Replicas.Timed now = replicas().awaitAll(ALIAS, a -> a.addresses().equals(List.of(NodeCluster.FRUITS_IP)),
                Duration.ZERO);
        assertThat(now.all()).as("every replica answers when init --wait returns: " + now.describe()).isTrue();
        Until.figure("node, coredns mode, kubelet and reload defaults, svcalias's nudge: init --wait (Corefile "
                + "write, zone with one alias) until it returned, every replica answering", waited);
        assertThat(CLUSTER.client().pods().inNamespace("default").list().getItems()).as("its probe pods are deleted")
                .isEmpty();
    }

    /**
     * SIGINT 2 s after the probe pod appeared, while it waits to be scheduled (the node is tainted, so it is there for
     * sure): verify is in its wait loop.
     */
    @Test
    @Order(2)
    void verifyInterruptedBySigintDeletesItsProbePod() throws Exception {
        var node = CLUSTER.client().nodes().withName(CLUSTER.nodeName());
        node.edit(n -> new NodeBuilder(n).editSpec().addNewTaint().withKey("svcalias.test/no-probes").withValue("1")
                .withEffect("NoSchedule").endTaint().endSpec().build());
        try {
            Interrupted run = interruptVerify("INT", Duration.ofSeconds(2));
            assertThat(run.exitCode).as(run.toString()).isEqualTo(130);
            assertThat(run.phaseAtSignal).as(run.toString()).isEqualTo("Pending");
            assertThat(CLUSTER.client().pods().inNamespace("default").list().getItems())
                    .as("the probe pod is deleted when verify ends on SIGINT: " + run).isEmpty();
        } finally {
            node.edit(n -> new NodeBuilder(n).editSpec().withTaints(n.getSpec().getTaints().stream()
                    .filter(t -> !t.getKey().equals("svcalias.test/no-probes")).toList()).endSpec().build());
        }
    }

    /**
     * SIGTERM the moment the probe pod exists, on a schedulable node: the signal can come before the create's answer
     * has reached verify.
     */
    @Test
    @Order(3)
    void verifyInterruptedBySigtermDeletesItsProbePod() throws Exception {
        Interrupted run = interruptVerify("TERM", Duration.ZERO);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(143);
        assertThat(CLUSTER.client().pods().inNamespace("default").list().getItems())
                .as("the probe pod is deleted when verify ends on SIGTERM: " + run).isEmpty();
    }

    /** A probe pod a failed test left is removed, so that the next test sees only its own. */
    @AfterEach
    void noProbePodLeft() {
        CLUSTER.client().pods().inNamespace("default").withLabel("app.kubernetes.io/name", "svcalias-verify")
                .withGracePeriod(0).delete();
    }

    record Interrupted(int exitCode, String pod, String phaseAtSignal, String stdout, String stderr) {}

    /**
     * Runs {@code svcalias verify} as its own JVM, sends it the signal {@code after} its probe pod appeared, and waits
     * for it to end.
     */
    private static Interrupted interruptVerify(String signal, Duration after) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile("svcalias-verify-out", ".txt");
        Path err = Files.createTempFile("svcalias-verify-err", ".txt");
        // a shell without job control starts background commands with SIGINT ignored, and a JVM leaves an ignored
        // signal ignored: a CI runner that starts the build in the background would make SIGINT a no-op here, so
        // verify runs as a user's foreground command does, with SIGINT's default handling (env execs java: same PID)
        Process p = new ProcessBuilder("env", "--default-signal=INT", java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.svcalias.Main", "verify", "--timeout", "90s", kc())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
        try {
            Pod probe = awaitProbePod(p, Duration.ofSeconds(60));
            assertThat(probe).as("verify's probe pod appeared; stderr: " + Files.readString(err)).isNotNull();
            String phase = probe.getStatus() == null ? "" : probe.getStatus().getPhase();
            Thread.sleep(after.toMillis());
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("verify ended after SIG" + signal).isTrue();
            return new Interrupted(p.exitValue(), probe.getMetadata().getName(), phase, Files.readString(out),
                    Files.readString(err));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Pod awaitProbePod(Process verify, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end && verify.isAlive()) {
            List<Pod> pods = CLUSTER.client().pods().inNamespace("default").list().getItems().stream()
                    .filter(x -> x.getMetadata().getName().startsWith("svcalias-verify-")).toList();
            if (!pods.isEmpty()) {
                return pods.get(0);
            }
            Thread.sleep(50);
        }
        return null;
    }
}
