package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * One file, two real clusters (two testbeds: API servers, etcd and CoreDNS of their own), one kubeconfig with a
 * context for each: apply, diff and verify with --context east,west. West serves only the istiocoredns-era
 * ServiceEntry versions (no v1), so its lists fall back to discovery. A target missing in west only makes west's
 * apply partial while east completes; after the fix a rerun converges everywhere.
 */
class FleetRealIT {
    @RegisterExtension
    static final RealCluster EAST = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    @RegisterExtension
    static final RealCluster WEST = RealCluster.of(RealCluster.Crd.ISTIOCOREDNS_ERA, RealCluster.Era.GRPC);
    static final String FILE = """
            domain: internal
            aliases:
              - {name: my-fruits, target: fruits-api-service.micro-shake-factory}
              - {name: orders, target: orders.micro-shake-factory}
            """;

    @TempDir
    Path dir;

    @Test
    void oneFileTwoClustersInParallelWithOneSummary() throws Exception {
        Path kubeconfig = merged(Map.of("east", EAST.adminKubeconfig(), "west", WEST.adminKubeconfig()));
        String kc = "--kubeconfig=" + kubeconfig;
        for (String c : List.of("east", "west")) {
            run(0, "init", "--domain", "internal", kc, "--context", c);
        }
        service(EAST, "orders", "10.103.5.5");
        Path file = Files.writeString(dir.resolve("aliases.yaml"), FILE);

        CliRun diff = run(7, "diff", "-f", file.toString(), kc, "--context", "east,west");
        assertThat(diff.out()).contains("# context east").contains("== context west ==")
                .containsPattern("east +1 +2 to create, 0 to update, 0 to delete, 0 unchanged, 0 failed")
                .containsPattern("west +7 +1 to create, 0 to update, 0 to delete, 0 unchanged, 1 failed");

        CliRun apply = run(7, "apply", "-f", file.toString(), kc, "--context", "east,west");
        assertThat(apply.out()).containsPattern("east +0 +2 create, 0 update, 0 delete, 0 unchanged, 0 failed")
                .containsPattern("west +7 +1 create, 0 update, 0 delete, 0 unchanged, 1 failed")
                .contains("failed: Service micro-shake-factory/orders does not exist");
        assertThat(names(EAST, "v1")).containsExactlyInAnyOrder("my-fruits.internal", "orders.internal");
        assertThat(names(WEST, "v1beta1")).containsExactly("my-fruits.internal");

        service(WEST, "orders", "10.103.6.6");
        CliRun rerun = run(0, "apply", "-f", file.toString(), kc, "--context", "east,west", "-o", "json");
        assertThat(rerun.out()).contains("\"exitCode\": 0").contains("\"context\": \"west\"");
        run(0, "diff", "-f", file.toString(), kc, "--context", "east,west");

        CliRun verify = run(0, "verify", "-f", file.toString(), kc, "--context", "east", "--nameserver",
                EAST.kubeDnsAddress(), "--wait", "--timeout", "60s", "--interval", "1s");
        assertThat(verify.out()).containsPattern("orders.internal +in sync +10.103.5.5 +10.103.5.5");
        run(0, "verify", "-f", file.toString(), kc, "--context", "west", "--nameserver", WEST.kubeDnsAddress(),
                "--wait", "--timeout", "60s", "--interval", "1s");

        // a context the kubeconfig lacks: its row says so, the other still answers, the exit code is the highest (2)
        CliRun missing = run(2, "diff", "-f", file.toString(), kc, "--context", "east,nowhere");
        assertThat(missing.out()).containsPattern("east +0 ").containsPattern("nowhere +2 +error: context \"nowhere\"");
    }

    private static CliRun run(int expected, String... args) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).as(run + EAST.logs() + WEST.logs()).isEqualTo(expected);
        return run;
    }

    private static void service(RealCluster cluster, String name, String ip) {
        cluster.client().services().inNamespace("micro-shake-factory").resource(new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace("micro-shake-factory").endMetadata().withNewSpec()
                .withClusterIP(ip).addNewPort().withName("http").withPort(80).endPort().endSpec().build()).create();
    }

    private static List<String> names(RealCluster cluster, String version) {
        return cluster.client().genericKubernetesResources(new ResourceDefinitionContext.Builder()
                        .withGroup("networking.istio.io").withVersion(version).withKind("ServiceEntry")
                        .withPlural("serviceentries").withNamespaced(true).build()).inAnyNamespace().list().getItems()
                .stream().map(r -> r.getMetadata().getName()).toList();
    }

    /** One kubeconfig with a cluster, user and context per testbed, named after the context. */
    @SuppressWarnings("unchecked")
    private Path merged(Map<String, Path> configs) throws Exception {
        List<Object> clusters = new ArrayList<>();
        List<Object> users = new ArrayList<>();
        List<Object> contexts = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(configs).entrySet()) {
            Map<String, Object> one = new Yaml().load(Files.readString(e.getValue()));
            Map<String, Object> cluster = (Map<String, Object>) ((List<Object>) one.get("clusters")).get(0);
            Map<String, Object> user = (Map<String, Object>) ((List<Object>) one.get("users")).get(0);
            cluster.put("name", e.getKey());
            user.put("name", e.getKey());
            clusters.add(cluster);
            users.add(user);
            contexts.add(Map.of("name", e.getKey(), "context", Map.of("cluster", e.getKey(), "user", e.getKey())));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("apiVersion", "v1");
        all.put("kind", "Config");
        all.put("clusters", clusters);
        all.put("users", users);
        all.put("contexts", contexts);
        all.put("current-context", "east");
        return Files.writeString(dir.resolve("kubeconfig"), new Yaml().dump(all));
    }
}
