package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.cluster.ShortTimeoutConnector;
import dev.svcalias.testbed.FaultProxy;
import dev.svcalias.testbed.FaultProxy.Fault;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every request of init, alias add, alias remove, reset and apply (two new aliases from a file), against the real
 * API server through {@link FaultProxy}, gets each {@link Fault} in turn. Each case starts from the command's fault-free starting state and checks:
 * <ul>
 * <li>exit 0 only when the cluster holds exactly what a fault-free run leaves;</li>
 * <li>otherwise one error line, no stack trace, and every object left changed is named in it (and nothing left
 * changed is never claimed when something is);</li>
 * <li>a rerun without faults converges to the fault-free end state.</li>
 * </ul>
 * In CI every fault hits every write, and each read gets one fault, in rotation (read i gets fault i mod 7), so
 * every fault is also injected on reads; {@code -Dfaults.full=true} injects every fault on every request.
 * Then the coredns and istio modes (ExternalName Services, VirtualServices): every write of alias add, alias remove
 * and apply loses its answer after it landed (every fault on every request with {@code -Dfaults.full=true}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    static final boolean FULL = Boolean.getBoolean("faults.full");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    static final String TARGET = "fruits-api-service.micro-shake-factory";
    /** Outcome counts per command and fault, printed at the end for docs/reliability.md. */
    static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    private final ClusterConnector connector = ShortTimeoutConnector.of(Duration.ofSeconds(5), REQUEST_TIMEOUT);

    record Command(String name, List<String> args, ClusterState before, ClusterState after, List<FaultProxy.Request>
            requests) {}

    /** The cluster as seeded, before any command: the modes' cases start over from it. */
    private static ClusterState seeded;

    @TestFactory
    @Order(1)
    Stream<DynamicNode> everyFaultOnEveryRequest() {
        FaultProxy proxy = CLUSTER.faultProxy();
        Path kubeconfig = CLUSTER.adminKubeconfigViaFaultProxy();
        seeded = ClusterState.read(CLUSTER.client());
        List<Command> commands = new ArrayList<>();
        commands.add(baseline(proxy, kubeconfig, "init", seeded, "init", "--domain", "internal"));
        ClusterState initialised = commands.get(0).after();
        commands.add(baseline(proxy, kubeconfig, "alias add", initialised, "alias", "add", "my-fruits", TARGET));
        ClusterState aliased = commands.get(1).after();
        commands.add(baseline(proxy, kubeconfig, "alias remove", aliased, "alias", "remove", "my-fruits"));
        commands.add(baseline(proxy, kubeconfig, "reset", aliased, "reset"));
        commands.add(baseline(proxy, kubeconfig, "apply", initialised, "apply", "-f", aliasFile().toString()));
        return commands.stream().map(c -> DynamicContainer.dynamicContainer(c.name() + " (" + c.requests().size()
                + " requests: " + c.requests() + ")", cases(proxy, kubeconfig, c)));
    }

    /**
     * Runs last: it takes istiocoredns away (its ConfigMap stays, so states compare). The coredns mode from a zone
     * set up without faults, then the istio mode (Istio's CRDs are seeded; an istiod Deployment says Istio 1.9+).
     */
    @TestFactory
    @Order(2)
    Stream<DynamicNode> lostAnswersInTheCorednsAndIstioModes() {
        FaultProxy proxy = CLUSTER.faultProxy();
        Path kubeconfig = CLUSTER.adminKubeconfigViaFaultProxy();
        (seeded == null ? ClusterState.read(CLUSTER.client()) : seeded).restore(CLUSTER.client());
        CLUSTER.removeIstiocoredns(true);
        List<Command> commands = new ArrayList<>();
        ClusterState coredns = setUp(proxy, kubeconfig, "init", "--domain", "internal", "--mode", "coredns");
        commands.add(baseline(proxy, kubeconfig, "alias add (coredns mode)", coredns, "alias", "add", "my-fruits",
                TARGET));
        commands.add(baseline(proxy, kubeconfig, "alias remove (coredns mode)", commands.get(0).after(), "alias",
                "remove", "my-fruits"));
        commands.add(baseline(proxy, kubeconfig, "apply (coredns mode)", coredns, "apply", "-f",
                aliasFile().toString()));
        coredns.restore(CLUSTER.client());
        new dev.svcalias.testing.RecipeSeed(CLUSTER.client()).deployment("istio-system", "istiod",
                "docker.io/istio/pilot:1.28.0", false);
        ClusterState istio = setUp(proxy, kubeconfig, "init", "--domain", "internal", "--mode", "istio");
        commands.add(baseline(proxy, kubeconfig, "alias add (istio mode)", istio, "alias", "add", "my-fruits",
                TARGET));
        commands.add(baseline(proxy, kubeconfig, "alias remove (istio mode)", commands.get(3).after(), "alias",
                "remove", "my-fruits"));
        return commands.stream().map(c -> DynamicContainer.dynamicContainer(c.name() + " (" + c.requests().size()
                + " requests: " + c.requests() + ")", FULL ? cases(proxy, kubeconfig, c) : lostAnswers(proxy,
                kubeconfig, c)));
    }

    /** A fault-free run that moves the cluster to where the next commands start. */
    private ClusterState setUp(FaultProxy proxy, Path kubeconfig, String... args) {
        proxy.disarm();
        CliRun run = run(kubeconfig, List.of(args));
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run).isZero();
        return ClusterState.read(CLUSTER.client());
    }

    private Stream<DynamicNode> lostAnswers(FaultProxy proxy, Path kubeconfig, Command command) {
        return command.requests().stream().filter(r -> !r.method().equals("GET")).map(r -> DynamicTest.dynamicTest(
                "#" + r.index() + " " + r + ": " + Fault.LOST_ANSWER,
                () -> oneCase(proxy, kubeconfig, command, r, Fault.LOST_ANSWER)));
    }

    private static Path aliasFile() {
        try {
            Path file = java.nio.file.Files.createTempFile("aliases-", ".yaml");
            java.nio.file.Files.writeString(file, "domain: internal\naliases:\n  - name: fruits-a\n    target: " + TARGET
                    + "\n  - name: fruits-b\n    target: " + TARGET + "\n");
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the command without faults from {@code before}: the requests it makes and the state it leaves. */
    private Command baseline(FaultProxy proxy, Path kubeconfig, String name, ClusterState before, String... args) {
        before.restore(CLUSTER.client());
        proxy.disarm();
        CliRun run = run(kubeconfig, List.of(args));
        assertThat(run.exitCode()).as(name + " without faults: " + run).isZero();
        List<FaultProxy.Request> requests = proxy.requests();
        ClusterState after = ClusterState.read(CLUSTER.client());
        assertThat(after).as(name + " changes something").isNotEqualTo(before);
        return new Command(name, List.of(args), before, after, requests);
    }

    private Stream<DynamicNode> cases(FaultProxy proxy, Path kubeconfig, Command command) {
        List<DynamicNode> tests = new ArrayList<>();
        for (FaultProxy.Request request : command.requests()) {
            for (Fault fault : Fault.values()) {
                boolean write = !request.method().equals("GET");
                if (!FULL && !write && fault != Fault.values()[request.index() % Fault.values().length]) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest("#" + request.index() + " " + request + ": " + fault,
                        () -> oneCase(proxy, kubeconfig, command, request, fault)));
            }
        }
        return tests.stream();
    }

    private void oneCase(FaultProxy proxy, Path kubeconfig, Command command, FaultProxy.Request request, Fault fault) {
        command.before().restore(CLUSTER.client());
        proxy.arm(fault, request.index());
        CliRun faulted = run(kubeconfig, command.args());
        FaultProxy.Request injected = proxy.injected();
        List<FaultProxy.Request> seen = proxy.requests();
        proxy.disarm();
        ClusterState left = ClusterState.read(CLUSTER.client());
        String context = command.name() + ", " + fault + " on #" + request.index() + " " + request + "\n" + faulted
                + "requests: " + seen;
        assertThat(injected).as("the fault was injected: " + context).isNotNull();
        List<String> changed = left.differences(command.before());
        String outcome = checkFaultedRun(command, faulted, left, changed, context);
        count(command.name(), fault, outcome);

        CliRun rerun = run(kubeconfig, command.args());
        ClusterState converged = ClusterState.read(CLUSTER.client());
        boolean alreadyRemoved = command.name().startsWith("alias remove") && rerun.exitCode() == 2
                && rerun.err().contains("does not exist") && left.equals(command.after());
        assertThat(rerun.exitCode() == 0 || alreadyRemoved).as("rerun without faults succeeds: " + context
                + "\nrerun: " + rerun).isTrue();
        assertThat(converged.differences(command.after())).as("rerun converges to the fault-free end state: "
                + context + "\nrerun: " + rerun).isEmpty();
    }

    /** The checks on the faulted run; returns the outcome's name for the counts. */
    private static String checkFaultedRun(Command command, CliRun faulted, ClusterState left, List<String> changed,
                                          String context) {
        assertThat(faulted.exitCode()).as("a fault of the API server is not svcalias's internal error (exit 1): "
                + context).isNotEqualTo(1);
        if (faulted.exitCode() == 0) {
            assertThat(left.differences(command.after())).as("exit 0 means the whole change is there: " + context)
                    .isEmpty();
            return "completed (exit 0)";
        }
        if (faulted.exitCode() == 7) {
            // apply's partial result: a row per alias (created, or failed with the reason) and a summary line
            assertThat(faulted.out()).as("apply's per-alias table: " + context).contains(" failed");
            for (String object : changed) {
                String host = object.substring(object.indexOf('/') + 1);
                assertThat(faulted.out().lines().filter(l -> l.startsWith(host + " ")).findFirst().orElse(""))
                        .as("a changed alias has a row that does not say failed: " + context)
                        .isNotEmpty().doesNotContain("failed");
            }
            return changed.isEmpty() ? "partial (exit 7), nothing changed" : "partial (exit 7), each alias's result"
                    + " in its row";
        }
        assertThat(faulted.err()).as("one error line: " + context).startsWith("error: ").doesNotContain("\tat ")
                .contains("fix: ");
        assertThat(faulted.err().lines().count()).as("one error line: " + context).isEqualTo(1);
        if (changed.isEmpty()) {
            return "failed, nothing changed (exit " + faulted.exitCode() + ")";
        }
        List<String> unnamed = changed.stream().filter(o -> !named(faulted.err(), o)).toList();
        boolean denies = faulted.err().contains("nothing was left changed");
        assertThat(denies).as("claims nothing was left changed while " + changed + " changed: " + context)
                .isFalse();
        assertThat(unnamed).as("objects left changed but not named in the message: " + context).isEmpty();
        return left.equals(command.after()) ? "failed, change landed and said so" : "failed, partial change stated";
    }

    /** Whether the message names the object: "kube-system/coredns", or an alias's ServiceEntry by ns/name. */
    private static boolean named(String message, String object) {
        String nsName = object.substring(object.indexOf(' ') + 1);
        return message.contains(nsName);
    }

    private CliRun run(Path kubeconfig, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--kubeconfig=" + kubeconfig);
        return CliRun.runWith(connector, Map.of(), "", all.toArray(String[]::new));
    }

    private static void count(String command, Fault fault, String outcome) {
        COUNTS.merge(command + " | " + fault + " | " + outcome, 1, Integer::sum);
    }

    @AfterAll
    static void printCounts() {
        int total = COUNTS.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("[fault-injection] " + total + " cases (full=" + FULL + ", request timeout "
                + REQUEST_TIMEOUT.toSeconds() + "s); command | fault | outcome | cases:");
        COUNTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("[fault-injection] " + e.getKey() + " | " + e.getValue()));
    }
}
