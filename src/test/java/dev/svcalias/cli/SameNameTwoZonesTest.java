package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same alias NAME in two zones (coredns and istio modes) through the commands: an alias file naming both
 * converges, and the Services an older svcalias named NAME alone. Add, force, remove and migration per zone are
 * checked on the use cases ({@code app/usecase/SameNameTwoZonesTest}).
 */
class SameNameTwoZonesTest extends RecipeClusterCase {
    static final String ALIASES = "svcalias-aliases";
    static final String FRUITS = "fruits-api-service.micro-shake-factory";
    static final String KUBERNETES = "kubernetes.default";
    /** The zones' Service-name suffixes: "-" and the first 8 hex digits of the zone's SHA-256. */
    static final String IN = "-3bed2cb3";
    static final String CORP = "-2cc487dc";

    private void twoZones(String mode) {
        cluster.removeIstiocoredns();
        if (mode.equals("istio")) {
            cluster.seedIstiod();
        }
        cluster.service("default", "kubernetes", "10.96.0.1", 443, "https", "TCP");
        ok("init", "--domain", "internal", "--mode", mode);
        ok("init", "--domain", "corp.example", "--mode", mode);
    }

    private CliRun ok(String... args) {
        return run(0, args);
    }

    private CliRun run(String... args) {
        return CliRun.run(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of(kc)).toArray(String[]::new));
    }

    private Service service(String name) {
        return cluster.client.services().inNamespace(ALIASES).withName(name).get();
    }

    private String externalName(String name) {
        Service s = service(name);
        return s == null ? null : s.getSpec().getExternalName();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coredns", "istio"})
    void aFileWithTheSameNameInBothZonesConverges(String mode) throws Exception {
        twoZones(mode);
        Path file = dir.resolve("aliases.yaml");
        Files.writeString(file, """
                aliases:
                  - {name: yy, domain: internal, target: fruits-api-service.micro-shake-factory}
                  - {name: yy, domain: corp.example, target: kubernetes.default}
                """);
        CliRun first = ok("apply", "-f", file.toString());
        assertThat(first.out()).contains("2 create");
        for (int i = 0; i < 2; i++) {
            CliRun again = ok("apply", "-f", file.toString());
            assertThat(again.out()).as("no flip-flop").contains("0 create, 0 update, 0 delete, 2 unchanged");
        }
        assertThat(externalName("yy" + IN)).isEqualTo(FRUITS + ".svc.cluster.local");
        assertThat(externalName("yy" + CORP)).isEqualTo("kubernetes.default.svc.cluster.local");
        assertThat(run("diff", "-f", file.toString()).exitCode()).isZero();
    }

    /**
     * A zone an older svcalias set up: its block rewrites to NAME alone, its Services are named NAME and carry only
     * the zone annotation. They are read as they are, a new alias there is refused until init, and init renames
     * them to the zone's own names without touching another zone's.
     */
    @Test
    void servicesAnOlderSvcaliasNamedAreReadAndInitRenamesThem() {
        twoZones("coredns");
        String kubeDns = cluster.corefile("kube-system");
        String older = Corefiles.putAliasZone(kubeDns, "internal", ManagedZone.Kind.COREDNS_ALIASES, ALIASES, "",
                "cluster.local");
        var cm = cluster.client.configMaps().inNamespace("kube-system").withName("coredns");
        cm.edit(c -> {
            c.getData().put("Corefile", older);
            return c;
        });
        olderService("zz", "internal", FRUITS);
        ok("alias", "add", "zz", KUBERNETES, "--domain", "corp.example");

        assertThat(ok("alias", "list").out()).containsPattern("zz\\.internal +fruits-api-service")
                .containsPattern("zz\\.corp\\.example +kubernetes\\.default");
        CliRun refused = run("alias", "add", "new", FRUITS, "--domain", "internal");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
        assertThat(refused.err()).contains("older svcalias").contains("svcalias init --domain internal");

        CliRun init = ok("init", "--domain", "internal");
        assertThat(init.out()).contains("renamed");
        assertThat(service("zz")).as("the old name is gone").isNull();
        assertThat(externalName("zz" + IN)).isEqualTo(FRUITS + ".svc.cluster.local");
        assertThat(externalName("zz" + CORP)).isEqualTo("kubernetes.default.svc.cluster.local");
        assertThat(cluster.corefile("kube-system")).contains("{1}" + IN + "." + ALIASES);
        ok("alias", "add", "new", FRUITS, "--domain", "internal");
        assertThat(ok("alias", "remove", "zz", "--domain", "internal").out()).contains("removed");
        assertThat(service("zz" + IN)).isNull();
        assertThat(service("zz" + CORP)).isNotNull();
    }

    private void olderService(String name, String zone, String target) {
        cluster.client.services().inNamespace(ALIASES).resource(new ServiceBuilder().withNewMetadata()
                .withName(name).withNamespace(ALIASES)
                .withLabels(Map.of("app.kubernetes.io/managed-by", "svcalias", "svcalias.dev/domain", zone))
                .withAnnotations(Map.of("svcalias.dev/target", target, "svcalias.dev/zone", zone)).endMetadata()
                .withNewSpec().withType("ExternalName").withExternalName(target + ".svc.cluster.local").endSpec()
                .build()).create();
        assertThat(List.of(service(name))).isNotEmpty();
    }
}
