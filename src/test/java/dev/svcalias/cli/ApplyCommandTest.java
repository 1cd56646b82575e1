package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.FakeDnsServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** apply -f and diff -f through the production wiring, against fabric8's CRUD mock API server. */
class ApplyCommandTest extends RecipeClusterCase {
    static final String FILE = """
            domain: internal
            aliases:
              - name: my-fruits
                target: fruits-api-service.micro-shake-factory
              - {name: my-veg, target: veg-api.micro-shake-factory}
            """;
    @BeforeEach
    void start() {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
    }

    @Test
    void partialFailureReportsEachAliasAndARerunConverges() throws Exception {
        Path file = write("aliases.yaml", FILE);
        CliRun diff = CliRun.run("diff", "-f", file.toString(), kc);
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(7);
        assertThat(diff.out()).contains("+++ b/serviceentry/micro-shake-factory/my-fruits.internal").contains("would create");

        CliRun apply = CliRun.run("apply", "-f", file.toString(), kc);
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(7);
        assertThat(apply.out()).containsPattern("my-fruits.internal .* create .*created")
                .containsPattern("my-veg.internal .* failed: Service micro-shake-factory/veg-api does not exist")
                .contains("1 create, 0 update, 0 delete, 0 unchanged, 1 failed");
        assertThat(entries()).extracting(e -> e.getMetadata().getName()).containsExactly("my-fruits.internal");

        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        CliRun rerun = CliRun.run("apply", "-f", file.toString(), kc);
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).contains("1 create, 0 update, 0 delete, 1 unchanged, 0 failed");
        CliRun same = CliRun.run("diff", "-f", file.toString(), kc);
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).doesNotContain("+++");
    }

    @Test
    void updatesShowADiffAndPruneOnlyTouchesTheFilesDomains() throws Exception {
        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        assertThat(CliRun.run("apply", "-f", write("a.yaml", FILE).toString(), kc).exitCode()).isZero();
        CliRun init = CliRun.run("init", "--domain", "elsewhere", kc); // an alias needs its zone set up first
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(CliRun.run("alias", "add", "other", "veg-api.micro-shake-factory", "--domain", "elsewhere", kc)
                .exitCode()).isZero();

        String changed = """
                domain: internal
                aliases:
                  - name: my-fruits
                    target: fruits-api-service.micro-shake-factory
                    ports: [{number: 80, name: http-main, protocol: HTTP}]
                """;
        Path file = write("b.yaml", changed);
        CliRun diff = CliRun.run("diff", "--prune", "-f", file.toString(), kc);
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.out()).contains("+  - name: http-main").contains("--- a/serviceentry/micro-shake-factory/my-veg.internal")
                .doesNotContain("other.elsewhere");
        CliRun dry = CliRun.run("apply", "--prune", "--dry-run", "-f", file.toString(), kc);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(entries()).hasSize(3);

        CliRun apply = CliRun.run("apply", "--prune", "-f", file.toString(), kc);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("0 create, 1 update, 1 delete, 0 unchanged, 0 failed");
        assertThat(entries()).extracting(e -> e.getMetadata().getName())
                .containsExactlyInAnyOrder("my-fruits.internal", "other.elsewhere");
    }

    @Test
    void aliasListYamlAppliesBackFromStdin() throws Exception {
        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        assertThat(CliRun.run("apply", "-f", write("a.yaml", FILE).toString(), kc).exitCode()).isZero();
        CliRun list = CliRun.run("alias", "list", "-o", "yaml", kc);
        assertThat(list.exitCode()).isZero();
        CliRun back = CliRun.runWith(Map.of(), list.out(), "diff", "--prune", "-f", "-", kc);
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(back.out()).contains("0 to create, 0 to update, 0 to delete, 2 unchanged, 0 failed");
    }

    @Test
    void verifyFileReportsDriftThenPassesOnceApplied() throws Exception {
        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        Path file = write("a.yaml", FILE);
        try (FakeDnsServer dns = new FakeDnsServer(new ChainDns(cluster)::answer)) {
            CliRun drift = CliRun.run("verify", "-f", file.toString(), "--nameserver", dns.address(), kc);
            assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(3);
            assertThat(drift.out()).containsPattern("my-fruits.internal +missing").contains("2 drifted");

            assertThat(CliRun.run("apply", "-f", file.toString(), kc).exitCode()).isZero();
            CliRun ok = CliRun.run("verify", "-f", file.toString(), "--nameserver", dns.address(), kc);
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(ok.out()).containsPattern("my-veg.internal +in sync +10.103.2.2 +10.103.2.2")
                    .contains("2 aliases, 0 drifted, 0 failing");
        }
    }

    @Test
    void anInvalidFileIsExit2WithFileAndLineBeforeAnyApiCall() throws Exception {
        Path file = write("bad.yaml", "domain: internal\naliases:\n  - name: ok\n    target: a.b\n  - name: x\n");
        CliRun run = CliRun.run("apply", "-f", file.toString(), "--kubeconfig=/does/not/exist");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + file + ":5: aliases[1] has no target").hasLineCount(1);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<GenericKubernetesResource> entries() {
        return cluster.client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup("networking.istio.io").withVersion("v1").withKind("ServiceEntry")
                .withPlural("serviceentries").withNamespaced(true).build()).inAnyNamespace().list().getItems();
    }
}
