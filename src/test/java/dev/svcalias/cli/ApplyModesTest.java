package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.cluster.Fabric8ClusterConnector;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RacingCluster;
import dev.svcalias.testing.RecipeCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * apply -f, diff -f and --prune in the coredns and istio modes (mock API): the same file, written as each zone's
 * recorded mode writes aliases (ExternalName Services; Services, VirtualServices and ServiceEntries), with
 * per-alias outcomes, a rerun that converges, and reads that do not grow with the number of aliases.
 */
class ApplyModesTest extends RecipeClusterCase {
    static final String ALIASES = "svcalias-aliases";
    static final String IN = ModesTest.IN;
    static final String FILE = ApplyCommandTest.FILE;
    @BeforeEach
    void start() {
        // an Istio upgrade past 1.8 took istiocoredns away
        cluster.client.services().inNamespace("istio-system").withName("istiocoredns").delete();
        cluster.client.apps().deployments().inNamespace("istio-system").withName("istiocoredns").delete();
    }

    @Test
    void corednsModeWritesExternalNameServicesPerAliasAndARerunConverges() throws Exception {
        init("coredns");
        Path file = write("aliases.yaml", FILE);
        CliRun diff = run(7, "diff", "-f", file.toString());
        assertThat(diff.out()).contains("+++ b/service/svcalias-aliases/my-fruits")
                .contains("+  externalName: fruits-api-service.micro-shake-factory.svc.cluster.local")
                .containsPattern("my-veg.internal .* failed: Service micro-shake-factory/veg-api does not exist");

        CliRun apply = run(7, "apply", "-f", file.toString());
        assertThat(apply.out()).containsPattern("my-fruits.internal .* create +created")
                .contains("1 create, 0 update, 0 delete, 0 unchanged, 1 failed");
        assertThat(names(aliasServices())).containsExactly("my-fruits" + IN);
        assertThat(entries()).as("coredns mode writes no ServiceEntry").isEmpty();

        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        assertThat(run(0, "apply", "-f", file.toString()).out())
                .contains("1 create, 0 update, 0 delete, 1 unchanged, 0 failed");
        assertThat(run(0, "diff", "-f", file.toString()).out()).doesNotContain("+++")
                .contains("0 to create, 0 to update, 0 to delete, 2 unchanged, 0 failed");
        assertThat(aliasService("my-veg").getSpec().getExternalName())
                .isEqualTo("veg-api.micro-shake-factory.svc.cluster.local");
    }

    @Test
    void corednsModeRePointsAndPrunesOnlyManagedAliasesOfTheFilesZones() throws Exception {
        init("coredns");
        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        run(0, "apply", "-f", write("a.yaml", FILE).toString());
        run(0, "alias", "add", "extra", "veg-api.micro-shake-factory");
        Path file = write("b.yaml", """
                domain: internal
                aliases:
                  - {name: my-veg, target: fruits-api-service.micro-shake-factory}
                """);
        CliRun diff = run(1, "diff", "--prune", "-f", file.toString());
        assertThat(diff.out()).contains("-  externalName: veg-api.micro-shake-factory.svc.cluster.local")
                .contains("+  externalName: fruits-api-service.micro-shake-factory.svc.cluster.local")
                .contains("--- a/service/svcalias-aliases/extra").contains("--- a/service/svcalias-aliases/my-fruits");
        assertThat(run(1, "diff", "-f", file.toString()).out()).as("without --prune nothing is deleted")
                .contains("0 to create, 1 to update, 0 to delete, 0 unchanged");

        CliRun apply = run(0, "apply", "--prune", "-f", file.toString());
        assertThat(apply.out()).contains("0 create, 1 update, 2 delete, 0 unchanged, 0 failed");
        assertThat(names(aliasServices())).containsExactly("my-veg" + IN);
        assertThat(aliasService("my-veg").getSpec().getExternalName())
                .isEqualTo("fruits-api-service.micro-shake-factory.svc.cluster.local");
        assertThat(run(0, "apply", "--prune", "-f", file.toString()).out())
                .contains("0 create, 0 update, 0 delete, 1 unchanged, 0 failed");
    }

    @Test
    void aServiceSvcaliasDidNotCreateFailsOnlyItsAlias() throws Exception {
        init("coredns");
        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        cluster.service(ALIASES, "my-veg" + IN, "10.96.7.7", 80, "http", "TCP"); // someone else's, not an alias
        CliRun apply = run(7, "apply", "-f", write("a.yaml", FILE).toString());
        assertThat(apply.out()).containsPattern("my-fruits.internal .* created")
                .containsPattern("my-veg.internal .* failed: Service svcalias-aliases/my-veg" + IN
                        + " exists and svcalias "
                        + "did not create it");
        assertThat(aliasService("my-veg").getSpec().getClusterIP()).as("left alone").isEqualTo("10.96.7.7");
    }

    @Test
    void istioModeWritesAServiceAndAServiceEntryPerAliasAndPrunesBoth() throws Exception {
        init("istio");
        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        cluster.service("micro-shake-factory", "pods", "None", 80, "http", "TCP");
        Path file = write("a.yaml", FILE + "  - {name: pods, target: pods.micro-shake-factory}\n");
        CliRun diff = run(1, "diff", "-f", file.toString());
        assertThat(diff.out()).contains("+++ b/service/svcalias-aliases/my-fruits")
                .contains("+++ b/serviceentry/micro-shake-factory/my-fruits.internal")
                .contains("+++ b/virtualservice/micro-shake-factory/my-fruits.internal")
                .contains("+        host: fruits-api-service.micro-shake-factory.svc.cluster.local")
                .as("a headless target is aliased by name too").contains("+        host: pods.micro-shake-factory.svc.cluster.local");

        CliRun apply = run(0, "apply", "-f", file.toString());
        assertThat(apply.out()).contains("3 create, 0 update, 0 delete, 0 unchanged, 0 failed");
        assertThat(names(aliasServices())).containsExactlyInAnyOrder("my-fruits" + IN, "my-veg" + IN, "pods" + IN);
        assertThat(names(entries())).containsExactlyInAnyOrder("my-fruits.internal", "my-veg.internal", "pods.internal");
        assertThat(names(routes())).containsExactlyInAnyOrder("my-fruits.internal", "my-veg.internal", "pods.internal");
        assertThat(String.valueOf(entry("my-veg.internal").getAdditionalProperties().get("spec")))
                .contains("resolution=NONE").contains("protocol=HTTP").doesNotContain("addresses");

        Path fruitsOnly = write("b.yaml", FILE.substring(0, FILE.indexOf("  - {name: my-veg")));
        CliRun prune = run(0, "apply", "--prune", "-f", fruitsOnly.toString());
        assertThat(prune.out()).contains("0 create, 0 update, 2 delete, 1 unchanged, 0 failed");
        assertThat(names(aliasServices())).containsExactly("my-fruits" + IN);
        assertThat(names(entries())).containsExactly("my-fruits.internal");
        assertThat(names(routes())).containsExactly("my-fruits.internal");
        run(0, "diff", "--prune", "-f", fruitsOnly.toString());
    }

    @Test
    void istioModeApplyMigratesAnEntryWithAFixedAddressOnce() throws Exception {
        init("istio");
        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        Path file = write("a.yaml", FILE);
        run(0, "apply", "-f", file.toString());
        // my-fruits's entry as svcalias wrote it before ADR 0180: the target's ClusterIP as its address
        GenericKubernetesResource old = entry("my-fruits.internal");
        old.setAdditionalProperty("spec", java.util.Map.of("hosts", List.of("my-fruits.internal"),
                "addresses", List.of(RecipeCluster.FRUITS_IP), "location", "MESH_INTERNAL", "resolution", "DNS",
                "ports", List.of(java.util.Map.of("number", 80, "name", "http", "protocol", "HTTP")),
                "endpoints", List.of(java.util.Map.of("address", ModesTest.FRUITS + ".svc.cluster.local"))));
        cluster.client.resource(old).update();

        assertThat(run(1, "diff", "-f", file.toString()).out()).contains("-  - " + RecipeCluster.FRUITS_IP)
                .contains("+  resolution: NONE").contains("would update (no fixed address " + RecipeCluster.FRUITS_IP);
        assertThat(run(0, "apply", "-f", file.toString()).out())
                .contains("0 create, 1 update, 0 delete, 1 unchanged, 0 failed");
        assertThat(String.valueOf(entry("my-fruits.internal").getAdditionalProperties().get("spec")))
                .contains("resolution=NONE").doesNotContain("addresses").doesNotContain("endpoints");
        assertThat(run(0, "apply", "-f", file.toString()).out())
                .contains("0 create, 0 update, 0 delete, 2 unchanged, 0 failed");
    }

    @Test
    void aConcurrentChangeFailsOnlyThatAliasAndIsNeverOverwritten() throws Exception {
        init("coredns");
        cluster.service("micro-shake-factory", "veg-api", "10.103.2.2", 8080, "http", "TCP");
        run(0, "apply", "-f", write("a.yaml", FILE).toString());
        Path repoint = write("b.yaml", FILE.replace("fruits-api-service", "veg-api"));
        // another writer edits my-fruits after svcalias read it and before svcalias writes it
        var client = cluster.client;
        ClusterConnector racing = (kubeconfig, context) -> new RacingCluster(
                new Fabric8ClusterConnector().connect(kubeconfig, context), name -> {
                    if (name.equals("my-fruits" + IN)) {
                        client.services().inNamespace(ALIASES).withName(name).edit(s -> {
                            s.getMetadata().getAnnotations().put("someone/else", "was here");
                            return s;
                        });
                    }
                });
        CliRun raced = CliRun.runWith(racing, java.util.Map.of(), "", "apply", "-f", repoint.toString(), kc);
        assertThat(raced.exitCode()).as(raced.toString()).isEqualTo(7);
        assertThat(raced.out()).containsPattern("my-fruits.internal .* failed: .*changed by someone else")
                .contains("0 create, 0 update, 0 delete, 1 unchanged, 1 failed");
        assertThat(aliasService("my-fruits").getSpec().getExternalName()).as("not overwritten")
                .isEqualTo("fruits-api-service.micro-shake-factory.svc.cluster.local");
        assertThat(aliasService("my-fruits").getMetadata().getAnnotations()).containsEntry("someone/else", "was here");

        CliRun rerun = run(0, "apply", "-f", repoint.toString());
        assertThat(rerun.out()).contains("0 create, 1 update, 0 delete, 1 unchanged, 0 failed");
    }

    @Test
    void readsDoNotGrowWithTheNumberOfAliases() throws Exception {
        init("coredns");
        StringBuilder many = new StringBuilder("domain: internal\naliases:\n");
        for (int i = 0; i < 25; i++) {
            many.append("  - {name: a").append(i).append(", target: fruits-api-service.micro-shake-factory}\n");
        }
        Path one = write("one.yaml", FILE.substring(0, FILE.indexOf("  - {name: my-veg")));
        Path lots = write("many.yaml", many.toString());
        int before = cluster.server.getRequestCount();
        run(1, "diff", "-f", one.toString());
        int oneAlias = cluster.server.getRequestCount() - before;
        run(1, "diff", "-f", lots.toString());
        int manyAliases = cluster.server.getRequestCount() - before - oneAlias;
        assertThat(manyAliases).as("requests of diff: 1 alias %d, 25 aliases %d", oneAlias, manyAliases)
                .isEqualTo(oneAlias);
        int beforeApply = cluster.server.getRequestCount();
        run(0, "apply", "-f", lots.toString());
        assertThat(cluster.server.getRequestCount() - beforeApply).as("apply: the same reads plus one create each")
                .isEqualTo(oneAlias + 25);
    }

    private void init(String mode) {
        run(0, "init", "--domain", "internal", "--mode", mode);
    }


    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private Service aliasService(String name) {
        return cluster.client.services().inNamespace(ALIASES).withName(name + IN).get();
    }

    private List<Service> aliasServices() {
        return cluster.client.services().inNamespace(ALIASES).list().getItems();
    }

    private List<GenericKubernetesResource> entries() {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry").inAnyNamespace()
                .list().getItems();
    }

    private List<GenericKubernetesResource> routes() {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inAnyNamespace()
                .list().getItems();
    }

    private GenericKubernetesResource entry(String name) {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inNamespace("micro-shake-factory").withName(name).get();
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream().map(i -> i.getMetadata().getName()).toList();
    }
}
