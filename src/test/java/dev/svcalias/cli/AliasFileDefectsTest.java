package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, items 2, 7, 9 and 14: alias files and targets checked like alias add checks them, before connecting
 * where the check needs no cluster; label values that the API server accepts whatever the alias's length.
 */
class AliasFileDefectsTest extends RecipeClusterCase {
    private Path write(String text) throws Exception {
        Path file = dir.resolve("aliases.yaml");
        Files.writeString(file, text);
        return file;
    }

    /** Runs without a cluster: the connector fails the test if svcalias tries to connect. */
    private CliRun offline(String... args) {
        List<String> connects = new ArrayList<>();
        ClusterConnector recording = (kubeconfig, context) -> {
            connects.add("connected");
            throw new AssertionError("connected");
        };
        CliRun run = CliRun.runWith(recording, Map.of(), "", args);
        assertThat(connects).as(run.toString()).isEmpty();
        return run;
    }

    @Test
    void aDuplicateKeyIsExit2NamingItsLine() throws Exception {
        Path file = write("""
                domain: internal
                aliases:
                  - name: my-fruits
                    target: fruits-api-service.micro-shake-factory
                    target: veg-api.micro-shake-factory
                """);
        CliRun run = offline("apply", "-f", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains(file + ":5").contains("'target' twice (first at line 4)");
        Path top = write("domain: internal\ndomain: other\naliases: []\n");
        CliRun topRun = offline("diff", "-f", top.toString());
        assertThat(topRun.exitCode()).as(topRun.toString()).isEqualTo(2);
        assertThat(topRun.err()).contains(top + ":2").contains("'domain' twice");
    }

    /** Item 16: each unreadable file says what is wrong with it, in one line, before connecting. */
    @Test
    void unreadableFilesSayWhy() throws Exception {
        Path missing = dir.resolve("missing.yaml");
        assertThat(offline("apply", "-f", missing.toString()).err()).hasLineCount(1)
                .contains("alias file '" + missing + "' does not exist").doesNotContain(": " + missing);
        Map<String, byte[]> files = Map.of(
                "is not UTF-8 (byte 0xE9 at offset 22; Latin-1",
                "domain: internal # caf\u00e9\naliases: []\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "is UTF-16", "domain: internal\naliases: []\n".getBytes(java.nio.charset.StandardCharsets.UTF_16),
                "is UTF-16; alias", "domain: internal\naliases: []\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                "is binary (a NUL byte at offset 4)", new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
        for (var e : files.entrySet()) {
            Path file = dir.resolve("bad.yaml");
            Files.write(file, e.getValue());
            CliRun run = offline("diff", "-f", file.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(e.getKey()).hasLineCount(1).contains(e.getKey()).doesNotContain("Input length");
        }
    }

    /** Item 18: an error about the file's domain: key names the key, not the --domain flag. */
    @Test
    void aBadDomainKeyIsNamedAsTheKey() throws Exception {
        Path file = write("domain: com\naliases: []\n");
        CliRun run = offline("diff", "-f", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains(file + ":1: 'domain:' com is a public suffix")
                .doesNotContain("--domain");
    }

    /** Item 18: corefile commands read "-f -" as standard input, as apply -f - does. */
    @Test
    void corefileDashFileIsStandardInput() {
        String original = cluster.kubeDnsCorefile;
        CliRun added = CliRun.runWith(Map.of(), original, "corefile", "stub-domain", "--domain", "internal",
                "--forward-to", "10.96.100.53", "-f", "-");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).startsWith(original).contains("zone=internal");
    }

    @Test
    void repeatedPortNumbersOrNamesAreExit2BeforeConnecting() throws Exception {
        for (String ports : List.of("[{number: 80, name: http}, {number: 80, name: web}]",
                "[{number: 80, name: http}, {number: 81, name: http}]")) {
            Path file = write("domain: internal\naliases:\n  - name: a\n    target: s.ns\n    ports: " + ports + "\n");
            CliRun run = offline("apply", "-f", file.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).hasLineCount(1).contains(file + ":5").contains("repeats port");
        }
    }

    /** apply used to cut "svc.ns.svc.ANYTHING" to svc.ns; alias add refuses it. Both now refuse it alike. */
    @Test
    void applyRefusesTheTargetsAliasAddRefuses() throws Exception {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        for (String target : List.of("fruits-api-service.micro-shake-factory.svc.other.local",
                "fruits-api-service.micro-shake-factory.svc.cluster.local.extra")) {
            CliRun add = CliRun.run("alias", "add", "my-fruits", target, kc);
            assertThat(add.exitCode()).as(add.toString()).isEqualTo(2);
            Path file = write("domain: internal\naliases:\n  - name: my-fruits\n    target: " + target + "\n");
            CliRun apply = CliRun.run("apply", "-f", file.toString(), kc);
            assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(2);
            assertThat(apply.err()).hasLineCount(1).contains(file + ":3").contains("TARGET " + target);
            assertThat(cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                    .inAnyNamespace().list().getItems()).as("nothing written").isEmpty();
        }
        Path ok = write("domain: internal\naliases:\n  - name: my-fruits\n    target: "
                + "fruits-api-service.micro-shake-factory.svc.cluster.local\n");
        CliRun apply = CliRun.run("apply", "-f", ok.toString(), kc);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
    }

    /** A long multi-label alias in a long zone: every label value the objects carry is one the API accepts. */
    @Test
    void labelValuesFitTheApisLimitWhateverTheAliasLength() {
        String zone = "a".repeat(40) + ".example";
        String name = "b".repeat(40) + "." + "c".repeat(40);
        assertThat(CliRun.run("init", "--domain", zone, kc).exitCode()).isZero();
        CliRun add = CliRun.run("alias", "add", name, "fruits-api-service.micro-shake-factory", "--domain", zone, kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        List<GenericKubernetesResource> entries = cluster.client.genericKubernetesResources("networking.istio.io/v1",
                "ServiceEntry").inAnyNamespace().list().getItems();
        assertThat(entries).hasSize(1);
        for (String value : entries.get(0).getMetadata().getLabels().values()) {
            assertThat(value).matches("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
        }
        assertThat(CliRun.run("alias", "list", kc).out()).contains(name + "." + zone);
    }
}
