package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply -f, diff -f, --prune and verify -f in the coredns and istio modes against the real API server (RBAC,
 * conditional writes, the ServiceEntry CRD's validation) and real CoreDNS 1.14.7 reading it: the aliases are
 * ExternalName Services (plus ServiceEntries in istio mode), a partial failure has a missing target and a write
 * the identity may not make (RBAC limits its updates to one Service), and the rerun after both are fixed converges;
 * then kube-dns answers every alias of the file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclarativeModesRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    static final String ALIASES = "svcalias-aliases";
    /** The zones' Service-name suffixes ("-" and 8 hex digits of the zone's SHA-256, AliasServiceNames). */
    static final String IN = "-3bed2cb3";
    static final String MESH = "-d30ca7a7";
    static final String VEG_IP = "10.103.2.2";
    static final String FIRST = """
            domain: internal
            aliases:
              - {name: my-fruits, target: fruits-api-service.micro-shake-factory}
              - {name: my-veg, target: veg-api.micro-shake-factory}
              - {name: extra, target: fruits-api-service.micro-shake-factory}
            """;
    static final String SECOND = """
            domain: internal
            aliases:
              - {name: my-fruits, target: veg-api.micro-shake-factory}
              - {name: my-veg, target: veg-api.micro-shake-factory}
              - {name: extra, target: veg-api.micro-shake-factory}
            """;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void corednsModePartialFailureThenRerunConvergesAndKubeDnsAnswersTheFile() throws Exception {
        String admin = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        CLUSTER.removeIstiocoredns(false);
        run(0, "init", "--domain", "internal", "--mode", "coredns", admin);
        GitopsUser.mayRead(CLUSTER.client());
        // creates anywhere in the namespace (create cannot be limited by name), updates and deletes of my-fruits only
        GitopsUser.grant(CLUSTER.client(), ALIASES, "alias-writer",
                new PolicyRuleBuilder().withApiGroups("").withResources("services").withVerbs("create").build(),
                new PolicyRuleBuilder().withApiGroups("").withResources("services").withResourceNames("my-fruits" + IN)
                        .withVerbs("update", "delete").build());
        String kc = "--kubeconfig=" + CLUSTER.userKubeconfig(GitopsUser.NAME);

        CliRun first = run(7, "apply", "-f", file("first.yaml", FIRST), kc);
        assertThat(first.out()).containsPattern("extra.internal .* created").containsPattern("my-fruits.internal .* created")
                .containsPattern("my-veg.internal .* failed: Service micro-shake-factory/veg-api does not exist")
                .contains("2 create, 0 update, 0 delete, 0 unchanged, 1 failed");
        assertThat(names(CLUSTER.client().services().inNamespace(ALIASES).list().getItems()))
                .containsExactlyInAnyOrder("extra" + IN, "my-fruits" + IN);
        assertThat(serviceEntries()).as("coredns mode writes no ServiceEntry").isEmpty();

        service("veg-api", VEG_IP);
        String second = file("second.yaml", SECOND);
        CliRun diff = run(1, "diff", "-f", second, kc);
        assertThat(diff.out()).contains("--- a/service/svcalias-aliases/my-fruits")
                .contains("-  externalName: fruits-api-service.micro-shake-factory.svc.cluster.local")
                .contains("+  externalName: veg-api.micro-shake-factory.svc.cluster.local")
                .contains("+++ b/service/svcalias-aliases/my-veg");
        CliRun partial = run(7, "apply", "-f", second, kc);
        assertThat(partial.out()).containsPattern("my-fruits.internal .* updated")
                .containsPattern("my-veg.internal .* created")
                .containsPattern("extra.internal .* failed: .*forbidden: .*update.* services")
                .contains("1 create, 1 update, 0 delete, 0 unchanged, 1 failed");
        assertThat(externalName("extra" + IN)).as("the forbidden update left it as it was")
                .isEqualTo("fruits-api-service.micro-shake-factory.svc.cluster.local");

        GitopsUser.grant(CLUSTER.client(), ALIASES, "alias-writer", new PolicyRuleBuilder().withApiGroups("")
                .withResources("services").withVerbs("create", "update", "delete").build());
        CliRun rerun = run(0, "apply", "-f", second, kc);
        assertThat(rerun.out()).contains("0 create, 1 update, 0 delete, 2 unchanged, 0 failed");
        run(0, "diff", "-f", second, kc);

        String pruned = file("pruned.yaml", SECOND.substring(0, SECOND.indexOf("  - {name: extra")));
        CliRun prune = run(0, "apply", "--prune", "-f", pruned, kc);
        assertThat(prune.out()).contains("0 create, 0 update, 1 delete, 2 unchanged, 0 failed")
                .contains("--- a/service/svcalias-aliases/extra");
        assertThat(names(CLUSTER.client().services().inNamespace(ALIASES).list().getItems()))
                .containsExactlyInAnyOrder("my-fruits" + IN, "my-veg" + IN);

        // real CoreDNS answers the file: the CNAME chain ends at veg-api's ClusterIP
        CliRun verify = run(0, "verify", "-f", pruned, "--nameserver", CLUSTER.kubeDnsAddress(), "--wait",
                "--timeout", "90s", "--interval", "1s", admin);
        assertThat(verify.out()).containsPattern("my-fruits.internal +in sync +" + VEG_IP + " +" + VEG_IP)
                .contains("2 aliases, 0 drifted, 0 failing");
        var dns = new DnsjavaClient(Duration.ofMillis(700));
        assertThat(dns.query("my-fruits.internal", RecordType.A, Nameserver.parse(CLUSTER.kubeDnsAddress()))
                .addresses()).containsExactly(VEG_IP);
    }

    @Test
    @Order(2)
    void istioModeWritesServicesAndServiceEntriesTheCrdAcceptsAndPrunesBoth() throws Exception {
        String admin = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        run(0, "init", "--domain", "mesh", "--mode", "istio", admin);
        if (CLUSTER.client().services().inNamespace("micro-shake-factory").withName("veg-api").get() == null) {
            service("veg-api", VEG_IP); // when run alone
        }
        String file = file("mesh.yaml", """
                domain: mesh
                aliases:
                  - {name: m-fruits, target: fruits-api-service.micro-shake-factory}
                  - {name: m-veg, target: veg-api.micro-shake-factory, ports: [{number: 8080, name: grpc, protocol: GRPC}]}
                """);
        CliRun apply = run(0, "apply", "-f", file, admin);
        assertThat(apply.out()).contains("2 create, 0 update, 0 delete, 0 unchanged, 0 failed");
        assertThat(serviceEntries()).contains("m-fruits.mesh", "m-veg.mesh");
        assertThat(externalName("m-veg" + MESH)).isEqualTo("veg-api.micro-shake-factory.svc.cluster.local");
        CliRun again = run(0, "apply", "-f", file, admin);
        assertThat(again.out()).as("what the API server stored compares equal: a rerun is a no-op")
                .contains("0 create, 0 update, 0 delete, 2 unchanged, 0 failed");

        String smaller = file("mesh-smaller.yaml", "domain: mesh\naliases:\n"
                + "  - {name: m-fruits, target: fruits-api-service.micro-shake-factory}\n");
        CliRun prune = run(0, "apply", "--prune", "-f", smaller, admin);
        assertThat(prune.out()).contains("0 create, 0 update, 1 delete, 1 unchanged, 0 failed")
                .contains("--- a/service/svcalias-aliases/m-veg").contains("--- a/serviceentry/micro-shake-factory/m-veg.mesh");
        assertThat(serviceEntries()).contains("m-fruits.mesh").doesNotContain("m-veg.mesh");
        assertThat(CLUSTER.client().services().inNamespace(ALIASES).withName("m-veg" + MESH).get()).isNull();
        assertThat(externalName("my-fruits" + IN)).as("the other zone's aliases are not pruned")
                .isEqualTo("veg-api.micro-shake-factory.svc.cluster.local");
    }

    private String file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static CliRun run(int expected, String... args) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).as(run + CLUSTER.logs()).isEqualTo(expected);
        return run;
    }

    private static void service(String name, String ip) {
        CLUSTER.client().services().inNamespace("micro-shake-factory").resource(new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace("micro-shake-factory").endMetadata().withNewSpec()
                .withClusterIP(ip).addNewPort().withName("http").withPort(8080).endPort().endSpec().build()).create();
    }

    private static String externalName(String name) {
        return CLUSTER.client().services().inNamespace(ALIASES).withName(name).get().getSpec().getExternalName();
    }

    private static List<String> serviceEntries() {
        return names(CLUSTER.client().genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inAnyNamespace().list().getItems());
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream().map(i -> i.getMetadata().getName()).toList();
    }
}
