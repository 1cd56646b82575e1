package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.FakeDnsServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, items 5 and 6: objects of coredns- and istio-mode aliases edited or deleted by hand (or left by an
 * interrupted run) show as drift in list, status, diff and verify, and apply repairs them; a file port the
 * target does not expose is refused.
 */
class DriftTest extends RecipeClusterCase {
    static final String ALIASES = "svcalias-aliases";
    static final String FRUITS = "fruits-api-service.micro-shake-factory";
    static final String IN = ModesTest.IN;
    static final String FILE = "domain: internal\naliases:\n  - {name: my-fruits, target: " + FRUITS + "}\n";

    private Path file;


    private void setUp(String mode) throws Exception {
        cluster.removeIstiocoredns();
        if (mode.equals("istio")) {
            cluster.seedIstiod();
        }
        run(0, "init", "--domain", "internal", "--mode", mode);
        file = dir.resolve("aliases.yaml");
        Files.writeString(file, FILE);
        run(0, "apply", "-f", file.toString());
        assertThat(run(0, "alias", "list").out()).containsPattern("my-fruits.internal .* yes");
    }

    /** list, status, diff and verify all show it; apply repairs it, and then everything is in sync again. */
    private void driftShownThenRepaired(String words) throws Exception {
        assertThat(run(0, "alias", "list").out()).containsPattern("my-fruits.internal .* no: .*" + words);
        shownByStatusDiffVerifyThenRepaired(words);
    }

    private void shownByStatusDiffVerifyThenRepaired(String words) throws Exception {
        assertThat(run(0, "status").out() + run(0, "status").err()).contains(words);
        assertThat(run(1, "diff", "-f", file.toString()).out()).contains("1 to update");
        // DNS answers right: verify fails on the drift alone
        try (FakeDnsServer dns = new FakeDnsServer(q -> q.type().equals("A")
                ? FakeDnsServer.Reply.of(dev.svcalias.testing.RecipeCluster.FRUITS_IP) : FakeDnsServer.Reply.of())) {
            CliRun verify = CliRun.run("verify", "--nameserver", dns.address(), kc);
            assertThat(verify.exitCode()).as(verify.toString()).isNotZero();
            assertThat(verify.out() + verify.err()).contains(words);
        }
        assertThat(run(0, "apply", "-f", file.toString()).out()).contains("1 update");
        assertThat(run(0, "alias", "list").out()).containsPattern("my-fruits.internal .* yes");
        assertThat(run(0, "apply", "-f", file.toString()).out()).contains("1 unchanged");
    }

    @Test
    void anExternalNameChangedByHand() throws Exception {
        setUp("coredns");
        cluster.client.services().inNamespace(ALIASES).withName("my-fruits" + IN).edit(s -> {
            s.getSpec().setExternalName("example.org");
            return s;
        });
        driftShownThenRepaired("changed by hand");
    }

    @Test
    void aDeletedServiceEntryInIstioMode() throws Exception {
        setUp("istio");
        entries().delete();
        driftShownThenRepaired("ServiceEntry is missing");
    }

    @Test
    void aDeletedVirtualServiceInIstioMode() throws Exception {
        setUp("istio");
        cluster.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService")
                .inNamespace("micro-shake-factory").withName("my-fruits.internal").delete();
        shownByStatusDiffVerifyThenRepaired("no VirtualService routes my-fruits.internal");
    }

    @Test
    void serviceEntryHostsEditedByHandStayTheAliasTheyWereAndRemoveFindsThem() throws Exception {
        setUp("istio");
        var entry = entries().withName("my-fruits.internal");
        hijack(entry);
        assertThat(run(0, "alias", "list").out()).doesNotContain("hijacked.internal  ");
        driftShownThenRepaired("changed by hand");
        hijack(entry);
        assertThat(run(0, "alias", "remove", "my-fruits").out()).contains("removed");
        assertThat(entry.get()).isNull();
    }

    private static void hijack(io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> entry) {
        entry.edit(x -> {
            @SuppressWarnings("unchecked") Map<String, Object> s = (Map<String, Object>) x.getAdditionalProperties()
                    .get("spec");
            s.put("hosts", List.of("hijacked.internal"));
            return x;
        });
    }

    @Test
    void aPortTheTargetDoesNotExposeIsRefused() throws Exception {
        setUp("istio");
        Files.writeString(file, "domain: internal\naliases:\n  - name: other\n    target: " + FRUITS
                + "\n    ports: [{number: 9999, name: http-other}]\n");
        CliRun apply = run(7, "apply", "-f", file.toString());
        assertThat(apply.out()).containsPattern("other.internal .* failed: port 9999 is not a port of Service "
                + "micro-shake-factory/fruits-api-service \\(it has 80\\)");
        assertThat(entries().withName("other.internal").get()).isNull();
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> entries() {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inNamespace("micro-shake-factory");
    }
}
