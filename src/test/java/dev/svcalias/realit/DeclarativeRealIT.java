package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply, diff, --prune and verify -f against the real API server and CoreDNS: a partial failure (one target
 * missing, one namespace the user may not write to), each alias's outcome, and a rerun that converges once both
 * are fixed; then DNS through kube-dns agrees with the file.
 */
class DeclarativeRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    static final String USER = GitopsUser.NAME;
    static final String FILE = """
            domain: internal
            aliases:
              - name: my-fruits
                target: fruits-api-service.micro-shake-factory
              - name: my-veg
                target: veg-api.micro-shake-factory
              - name: vault
                target: vault-api.locked
                ports: [{number: 8200, name: https, protocol: HTTPS}]
            """;

    @TempDir
    Path dir;

    @Test
    void partialFailureThenRerunConvergesAndDnsMatchesTheFile() throws Exception {
        String admin = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        run(0, "init", "--domain", "internal", admin);
        CLUSTER.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("locked")
                .endMetadata().build()).create();
        service("locked", "vault-api", "10.103.9.9", 8200);
        String kc = "--kubeconfig=" + grantAllButLocked();
        Path file = Files.writeString(dir.resolve("aliases.yaml"), FILE);

        CliRun diff = run(7, "diff", "-f", file.toString(), kc);
        assertThat(diff.out()).contains("+++ b/serviceentry/micro-shake-factory/my-fruits.internal")
                .contains("+++ b/serviceentry/locked/vault.internal")
                .containsPattern("my-veg.internal .* failed: Service micro-shake-factory/veg-api does not exist");

        CliRun apply = run(7, "apply", "-f", file.toString(), kc);
        assertThat(apply.out()).containsPattern("my-fruits.internal .* created")
                .containsPattern("my-veg.internal .* failed: Service micro-shake-factory/veg-api does not exist")
                .containsPattern("vault.internal .* failed: writing serviceentry locked/vault.internal failed: forbidden: "
                        + "cannot create serviceentries.networking.istio.io in namespace locked")
                .contains("1 create, 0 update, 0 delete, 0 unchanged, 2 failed");
        assertThat(names()).containsExactly("my-fruits.internal");

        service("micro-shake-factory", "veg-api", "10.103.2.2", 8080);
        grantLocked();
        CliRun rerun = run(0, "apply", "-f", file.toString(), kc);
        assertThat(rerun.out()).contains("2 create, 0 update, 0 delete, 1 unchanged, 0 failed");
        assertThat(names()).containsExactlyInAnyOrder("my-fruits.internal", "my-veg.internal", "vault.internal");
        run(0, "diff", "-f", file.toString(), kc);

        // verify detects the mode from more than apply reads (Deployments, ...): run it as the admin
        CliRun verify = run(0, "verify", "-f", file.toString(), "--nameserver", CLUSTER.kubeDnsAddress(), "--wait",
                "--timeout", "60s", "--interval", "1s", admin);
        assertThat(verify.out()).containsPattern("vault.internal +in sync +10.103.9.9 +10.103.9.9")
                .contains("3 aliases, 0 drifted, 0 failing");

        // someone re-points an alias by hand, and the file drops one: verify -f sees both, apply --prune fixes both
        run(0, "alias", "add", "my-veg", "fruits-api-service.micro-shake-factory", "--force", admin);
        Path smaller = Files.writeString(dir.resolve("smaller.yaml"), FILE.substring(0, FILE.indexOf("  - name: vault")));
        CliRun drift = run(3, "verify", "-f", smaller.toString(), "--nameserver", CLUSTER.kubeDnsAddress(), admin);
        assertThat(drift.out()).containsPattern("my-veg.internal +differs \\(re-pointed from fruits-api-service")
                .containsPattern("vault.internal +not in the file");
        CliRun prune = run(0, "apply", "--prune", "-f", smaller.toString(), kc);
        assertThat(prune.out()).contains("0 create, 1 update, 1 delete, 1 unchanged, 0 failed")
                .contains("-  - 10.103.1.1").contains("+  - 10.103.2.2");
        assertThat(names()).containsExactlyInAnyOrder("my-fruits.internal", "my-veg.internal");
        run(0, "verify", "-f", smaller.toString(), "--nameserver", CLUSTER.kubeDnsAddress(), "--wait",
                "--timeout", "60s", "--interval", "1s", admin);
    }

    private static CliRun run(int expected, String... args) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).as(run + CLUSTER.logs()).isEqualTo(expected);
        return run;
    }

    private static void service(String ns, String name, String ip, int port) {
        CLUSTER.client().services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName(name)
                .withNamespace(ns).endMetadata().withNewSpec().withClusterIP(ip).addNewPort().withName("http")
                .withPort(port).endPort().endSpec().build()).create();
    }

    /** Read everything apply needs cluster-wide; write ServiceEntries only in micro-shake-factory. */
    private static Path grantAllButLocked() {
        GitopsUser.mayRead(CLUSTER.client());
        grantWrite("micro-shake-factory");
        return CLUSTER.userKubeconfig(USER);
    }

    private static void grantLocked() {
        grantWrite("locked");
    }

    private static void grantWrite(String ns) {
        GitopsUser.grant(CLUSTER.client(), ns, "alias-writer", new PolicyRuleBuilder()
                .withApiGroups("networking.istio.io").withResources("serviceentries")
                .withVerbs("create", "update", "delete").build());
    }

    static List<String> names() {
        return CLUSTER.client().genericKubernetesResources(new ResourceDefinitionContext.Builder()
                        .withGroup("networking.istio.io").withVersion("v1").withKind("ServiceEntry")
                        .withPlural("serviceentries").withNamespaced(true).build()).inAnyNamespace().list().getItems()
                .stream().map(GenericKubernetesResource::getMetadata).map(m -> m.getName()).toList();
    }
}
