package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * svcalias runs (in this JVM, each with its own client, as separate processes would be) race each other and a
 * kubectl-style editor (GET, change, PUT with the resourceVersion, retry on 409) on the same ConfigMaps and
 * aliases. At the end no update is lost: every editor change is there, every svcalias run that said it succeeded
 * left its change, every run that failed left nothing of its own, the Corefiles parse and CoreDNS loads them.
 * {@code -Dconcurrency.rounds=N} (default 2) repeats each race.
 */
class ConcurrencyRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    static final int ROUNDS = Integer.getInteger("concurrency.rounds", 2);
    static final int EDITS = 8;
    static final String TARGET = "fruits-api-service.micro-shake-factory";
    static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    @Test
    void initsOfSeveralZonesAndKubectlEditsRace() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            List<String> zones = List.of("mesh-a" + round, "mesh-b" + round, "mesh-c" + round, "mesh-a" + round);
            List<Callable<CliRun>> runs = new ArrayList<>();
            for (String zone : zones) {
                runs.add(() -> svcalias("init", "--domain", zone));
            }
            Race race = race(runs, "r" + round + "-init");
            for (int i = 0; i < zones.size(); i++) {
                CliRun run = race.results().get(i);
                boolean present = zonePresent("kube-system", zones.get(i)) && zonePresent("istio-system",
                        zones.get(i));
                count("init", run);
                if (run.exitCode() == 0) {
                    assertThat(present).as("init " + zones.get(i) + " said it succeeded: " + run).isTrue();
                } else if (!zones.subList(0, i).contains(zones.get(i)) && zones.lastIndexOf(zones.get(i)) == i) {
                    assertThat(present).as("init " + zones.get(i) + " failed, so its zone is absent: " + run)
                            .isFalse();
                    assertThat(run.err()).startsWith("error: ");
                }
            }
            race.assertEditsKept();
            assertLoads();
        }
    }

    @Test
    void aliasAddsRemovesAndResetsRace() throws Exception {
        CliRun init = svcalias("init", "--domain", "internal");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        for (int round = 0; round < ROUNDS; round++) {
            String r = "r" + round;
            List<Callable<CliRun>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "svc-" + r + "-" + i;
                runs.add(() -> svcalias("alias", "add", name, TARGET, "--domain", "internal"));
            }
            runs.add(() -> svcalias("alias", "add", "shared-" + r, TARGET, "--domain", "internal"));
            runs.add(() -> svcalias("alias", "add", "shared-" + r, TARGET, "--domain", "internal"));
            runs.add(() -> svcalias("init", "--domain", "side-" + r));
            String earlier = round > 0 ? "side-r" + (round - 1) : "never-set";
            runs.add(() -> svcalias("reset", "--domain", earlier));
            Race race = race(runs, r + "-alias");
            List<String> hosts = CLUSTER.client().genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                    .inAnyNamespace().list().getItems().stream().map(e -> e.getMetadata().getName()).toList();
            for (int i = 0; i < 4; i++) {
                CliRun add = race.results().get(i);
                count("alias add (distinct names)", add);
                assertThat(add.exitCode()).as("distinct aliases never conflict: " + add).isZero();
                assertThat(hosts).contains("svc-" + r + "-" + i + ".internal");
            }
            for (int i = 4; i < 6; i++) {
                CliRun add = race.results().get(i);
                count("alias add (same name twice)", add);
                assertThat(add.exitCode() == 0 || add.err().startsWith("error: ")).as(add.toString()).isTrue();
            }
            assertThat(hosts.stream().filter(h -> h.equals("shared-" + r + ".internal"))).hasSize(1);
            CliRun side = race.results().get(6);
            count("init (beside alias adds and a reset)", side);
            assertThat(zonePresent("kube-system", "side-" + r)).as(side.toString()).isEqualTo(side.exitCode() == 0);
            CliRun reset = race.results().get(7);
            count("reset --domain (beside alias adds and an init)", reset);
            if (round > 0 && reset.exitCode() == 0) {
                assertThat(zonePresent("kube-system", earlier)).as(reset.toString()).isFalse();
            }
            assertThat(zonePresent("kube-system", "internal")).isTrue();
            race.assertEditsKept();
            assertLoads();
        }
    }

    /** Every run's result, and the edits the kubectl-style editor made while they ran. */
    record Race(List<CliRun> results, List<String> edits) {
        void assertEditsKept() {
            for (String ns : ClusterState.CONFIG_MAPS) {
                ConfigMap cm = CLUSTER.client().configMaps().inNamespace(ns).withName("coredns").get();
                String corefile = cm.getData().get("Corefile");
                for (String edit : edits) {
                    assertThat(corefile).as("editor's line in " + ns + " kept").contains("# kubectl edit " + edit
                            + "\n");
                    assertThat(cm.getData()).as("editor's key in " + ns + " kept").containsKey("edit-" + edit);
                    assertThat(cm.getMetadata().getLabels()).as("editor's label in " + ns + " kept")
                            .containsKey("edit-" + edit);
                }
                Corefiles.parse(corefile);
            }
            COUNTS.merge("kubectl-style edits (each on both ConfigMaps)", edits.size(), Integer::sum);
        }
    }

    private static Race race(List<Callable<CliRun>> runs, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs.size() + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CliRun>> futures = new ArrayList<>();
            for (Callable<CliRun> run : runs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return run.call();
                }));
            }
            List<String> edits = new ArrayList<>();
            Future<?> editor = pool.submit(() -> {
                start.await();
                for (int i = 0; i < EDITS; i++) {
                    String edit = tag + "-" + i;
                    for (String ns : ClusterState.CONFIG_MAPS) {
                        kubectlEdit(CLUSTER.client(), ns, edit);
                    }
                    edits.add(edit);
                }
                return null;
            });
            start.countDown();
            List<CliRun> results = new ArrayList<>();
            for (Future<CliRun> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            editor.get(120, TimeUnit.SECONDS);
            return new Race(results, edits);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What kubectl edit does: GET, change, PUT with the resourceVersion read; on 409 start over. */
    static void kubectlEdit(KubernetesClient client, String ns, String edit) {
        for (int attempt = 0; ; attempt++) {
            ConfigMap cm = client.configMaps().inNamespace(ns).withName("coredns").get();
            Map<String, String> data = new HashMap<>(cm.getData());
            data.put("Corefile", "# kubectl edit " + edit + "\n" + data.get("Corefile"));
            data.put("edit-" + edit, "x");
            cm.setData(data);
            Map<String, String> labels = cm.getMetadata().getLabels() == null ? new HashMap<>()
                    : new HashMap<>(cm.getMetadata().getLabels());
            labels.put("edit-" + edit, "x");
            cm.getMetadata().setLabels(labels);
            try {
                client.configMaps().inNamespace(ns).resource(cm).update();
                COUNTS.merge("kubectl-style edit attempts", attempt + 1, Integer::sum);
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt > 50) {
                    throw e;
                }
            }
        }
    }

    private static CliRun svcalias(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig=" + CLUSTER.adminKubeconfig());
        return CliRun.run(all.toArray(String[]::new));
    }

    private static boolean zonePresent(String ns, String zone) {
        return Corefiles.managedZones(CLUSTER.corefile(ns)).stream().map(ManagedZone::domain).anyMatch(zone::equals);
    }

    private static void assertLoads() {
        var outcome = CLUSTER.runCoreDnsConfigCheck(CLUSTER.corefile("kube-system"));
        assertThat(outcome.started()).as("kube-dns's Corefile loads in CoreDNS:\n" + outcome.log()).isTrue();
    }

    private static void count(String what, CliRun run) {
        COUNTS.merge(what + " | exit " + run.exitCode(), 1, Integer::sum);
    }

    @AfterAll
    static void printCounts() {
        System.out.println("[concurrency] rounds=" + ROUNDS + "; what | outcome | count:");
        COUNTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("[concurrency] " + e.getKey() + " | " + e.getValue()));
    }
}
