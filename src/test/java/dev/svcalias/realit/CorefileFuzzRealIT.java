package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.testbed.CorednsConfigCheck;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Differential fuzzing of the Corefile engine against real CoreDNS (the current release): corpus files as they
 * are, mutated corpus files, generated and mutated generated Corefiles. For each:
 * <ul>
 * <li>whatever CoreDNS loads, svcalias parses, and a no-op removal and an add-then-remove give back every byte;</li>
 * <li>whatever CoreDNS loads and svcalias agrees to edit (stub-domain, istio route) still loads after the edit;</li>
 * <li>{@code svcalias corefile check --coredns-version 1.14.7} and CoreDNS agree: a refusal of a file CoreDNS
 * loads fails; where check passes a file CoreDNS refuses, the case is counted by CoreDNS's reason and printed
 * (semantic checks are CoreDNS's; see docs/reliability.md).</li>
 * </ul>
 * Fixed seed in CI; {@code -Dfuzz.iterations=N -Dfuzz.seed=S} for another or a longer run.
 */
class CorefileFuzzRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 120);
    static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    static final CoreDnsVersion CURRENT = CoreDnsVersion.parse("1.14.7");

    /** Named shapes and whether CoreDNS 1.14.7 loads them (each seen by hand first; see CheckAnswersAsCorednsTest). */
    static final Map<String, Boolean> SHAPES = shapes(
            ".:53 {\n    forward\n}\n", false,
            ".:53 {\n    forward .\n}\n", false,
            ".:53 {\n    forward . {\n        force_tcp\n    }\n}\n", false,
            ".:99999 {\n    whoami\n}\n", false,
            ".:53 example.org:70000 {\n    whoami\n}\n", false,
            ".:-1 {\n    whoami\n}\n", false,
            ".:53 {\n    kubernetes cluster.local {\n        pods sometimes\n    }\n}\n", false,
            ".:53 {\n    kubernetes cluster.local {\n        pods\n    }\n}\n", false,
            ".:53 {\n    forward . 10.96.0.10 {\n        {\n    }\n}\n", false,
            ".:53 {\n    forward . 10.96.0.10 {\n        policy fastest\n    }\n}\n", false,
            ".:53 {\n    hosts {\n        {\n        }\n    }\n}\n", false,
            ".:53 {\n    forward . 10.96.0.10 {\n    }\n}\n", true,
            ".:53 {\n    forward . 10.96.0.10 {\n        policy sequential\n    }\n}\n", true,
            ".:53 {\n    kubernetes cluster.local {\n        pods insecure\n    }\n}\n", true,
            ".:+53 {\n    whoami\n}\n", true,
            ".:53 {\n    whoami\n}\nexample.org:\"53 {\n    whoami\n}\n", true);

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, String> examples = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void svcaliasAndCorednsAgree() throws IOException {
        long started = System.nanoTime();
        List<String> corpus = corpus();
        CorefileGenerator generator = new CorefileGenerator(SEED);
        Random pick = new Random(SEED);
        for (Map.Entry<String, Boolean> shape : SHAPES.entrySet()) {
            shape(shape.getKey(), shape.getValue());
        }
        for (String file : corpus) {
            check("corpus", file);
        }
        for (int i = 0; i < ITERATIONS; i++) {
            switch (i % 3) {
                case 0 -> check("mutated corpus", generator.mutate(corpus.get(pick.nextInt(corpus.size()))));
                case 1 -> check("generated", generator.generate());
                default -> check("mutated generated", generator.mutate(generator.generate()));
            }
        }
        System.out.println("[fuzz] seed=" + SEED + " iterations=" + ITERATIONS + " corpus=" + corpus.size() + " in "
                + (System.nanoTime() - started) / 1_000_000_000 + "s; outcome | cases:");
        counts.forEach((k, v) -> System.out.println("[fuzz] " + k + " | " + v));
        examples.forEach((k, v) -> System.out.println("[fuzz] example of " + k + ":\n" + v));
        assertThat(failures).as("engine failures against CoreDNS (seed " + SEED + ")").isEmpty();
        assertThat(counts.getOrDefault("input: both load", 0)).as("cases CoreDNS loaded").isGreaterThan(20);
    }

    /**
     * A named shape (issue 17, item 15: what the trial found, and the near misses beside it): check and CoreDNS
     * must agree, in both directions, or the suite fails.
     */
    private void shape(String text, boolean loads) throws IOException {
        CorednsConfigCheck.Outcome coredns = CLUSTER.runCoreDnsConfigCheck(text);
        CliRun check = svcaliasCheck(text);
        boolean passes = check.exitCode() == 0;
        if (coredns.started() != loads || passes != loads) {
            fail("a named shape: CoreDNS " + (coredns.started() ? "loads" : "refuses") + ", check "
                    + (passes ? "passes" : "refuses") + ", expected both to " + (loads ? "load" : "refuse"), text,
                    check + coredns.log());
        } else {
            count("shape: both " + (loads ? "load" : "refuse"));
        }
    }

    private void check(String source, String text) throws IOException {
        count("source: " + source);
        CorednsConfigCheck.Outcome coredns;
        try {
            coredns = CLUSTER.runCoreDnsConfigCheck(asNodeCacheFillsIt(text));
        } catch (RuntimeException translation) {
            count("skipped: the testbed's loopback translation cannot read it");
            return;
        }
        CliRun check = svcaliasCheck(text);
        boolean checkPasses = check.exitCode() == 0;
        if (coredns.started() && !checkPasses && check.err().contains("with no matching opening brace; fix:")) {
            // stricter than Caddy on purpose (docs/corefile-engine.md): Caddy reads a '}' where a key would be as
            // a zone named '}', which serves nothing anyone meant
            count("input: check refuses on purpose, CoreDNS loads (a stray '}' where a key would be: zone '}')");
            return;
        }
        if (coredns.started() && !checkPasses) {
            fail("check refuses a Corefile CoreDNS loads", text, check + coredns.log());
            return;
        }
        if (!coredns.started()) {
            String reason = reason(coredns.log());
            count(checkPasses ? "input: check passes, CoreDNS refuses (" + reason + ")" : "input: both refuse");
            if (checkPasses) {
                examples.putIfAbsent(reason, text + "\n--- CoreDNS ---\n" + coredns.log().strip());
            }
            return;
        }
        count(check.err().contains("warning: ") ? "input: both load (check warns: braces CoreDNS is lenient about)"
                : "input: both load");
        roundTrips(text);
        loadsAfter("stub-domain", text, t -> Corefiles.addStubDomain(t, "internal", RealCluster.ISTIOCOREDNS_IP));
        loadsAfter("istio route", text, t -> Corefiles.addIstioRoute(t, "internal", CURRENT));
    }

    private CliRun svcaliasCheck(String text) throws IOException {
        Path file = Files.createTempFile("fuzz-", ".corefile");
        try {
            Files.writeString(file, text);
            // the oracle's release: check knows that release's plugins and properties
            CliRun run = CliRun.run("corefile", "check", "--coredns-version", CURRENT.toString(), "--file",
                    file.toString());
            // the command and the engine's own check (parse, then the start-up plugin checks) must agree
            if ((run.exitCode() == 0) != checksLoadable(text)) {
                fail("corefile check and the engine differ", text, run.toString());
            }
            return run;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void roundTrips(String text) {
        if (!Corefiles.parse(text).text().equals(text)) {
            fail("parse does not keep the text", text, "");
        }
        if (!Corefiles.removeZone(text, "internal").equals(text)) {
            fail("a no-op removal changed bytes", text, "");
        }
        try {
            String added = Corefiles.addStubDomain(text, "internal", RealCluster.ISTIOCOREDNS_IP);
            if (!Corefiles.removeZone(added, "internal").equals(text)) {
                fail("remove(add(x)) != x", text, added);
            } else {
                count("round trip: add then remove gives every byte back");
            }
        } catch (CorefileException refused) {
            count("round trip: edit refused (" + refused.getClass().getSimpleName() + ")");
        }
    }

    private void loadsAfter(String edit, String text, UnaryOperator<String> apply) {
        String edited;
        try {
            edited = apply.apply(text);
        } catch (CorefileException refused) {
            count("edit " + edit + ": refused by svcalias");
            return;
        }
        CorednsConfigCheck.Outcome after = CLUSTER.runCoreDnsConfigCheck(asNodeCacheFillsIt(edited));
        if (after.started()) {
            count("edit " + edit + ": loads after the edit");
        } else {
            fail("CoreDNS refuses the " + edit + " edit of a Corefile it loaded", edited, after.log());
        }
    }

    /**
     * What CoreDNS reads: node-local-dns's {@code __PILLAR__} placeholders are filled by its install steps and by
     * node-cache before CoreDNS starts (NodeLocalDnsRealIT), and {@code check} passes them on purpose, so the oracle
     * answers for the filled file, as the node-local-dns pod would.
     */
    private String asNodeCacheFillsIt(String text) {
        if (!text.contains("__PILLAR__")) {
            return text;
        }
        count("oracle: node-cache's placeholders filled before CoreDNS read it");
        return NodeLocalDnsRealIT.fill(text);
    }

    private static boolean checksLoadable(String text) {
        try {
            Corefiles.checkLoadable(text, CURRENT);
            return true;
        } catch (CorefileException e) {
            return false;
        }
    }

    /** CoreDNS's reason without file names, line numbers and quoted specifics, to count cases by kind. */
    static String reason(String log) {
        String line = log.lines().filter(l -> l.contains("rror") || l.contains("already defined")
                || l.contains("nexpected")).reduce((a, b) -> b).orElse(log.strip().lines().reduce((a, b) -> b)
                .orElse("no output"));
        return line.replaceAll(".*?(plugin/|Error during parsing: |\\[ERROR\\] )", "$1")
                .replaceAll("/[^ :]*Corefile:\\d+", "Corefile:N").replaceAll("'[^']*'", "'…'")
                .replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+", "N");
    }

    private void fail(String what, String text, String detail) {
        count("FAILED: " + what);
        failures.add(what + "\n--- input ---\n" + text + "\n--- detail ---\n" + detail);
    }

    private void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private static Map<String, Boolean> shapes(Object... textThenLoads) {
        Map<String, Boolean> shapes = new LinkedHashMap<>();
        for (int i = 0; i < textThenLoads.length; i += 2) {
            shapes.put((String) textThenLoads[i], (Boolean) textThenLoads[i + 1]);
        }
        return shapes;
    }

    private static List<String> corpus() throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("src/test/resources/corefiles")));
        String extra = System.getProperty("fuzz.corpus");
        if (extra != null) {
            dirs.add(Path.of(extra));
        }
        List<String> texts = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".corefile")).sorted().toList()) {
                    texts.add(Files.readString(f));
                }
            }
        }
        return texts;
    }
}
