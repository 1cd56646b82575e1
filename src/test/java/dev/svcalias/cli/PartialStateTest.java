package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.testing.CliRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, items 13 and 17: state that a partial run or an older svcalias left is described as it is and can be
 * cleaned up: a half-set-up zone in status, an alias left without its zone, svcalias's own block for a public suffix.
 */
class PartialStateTest extends RecipeClusterCase {
    static final String FRUITS = "fruits-api-service.micro-shake-factory";

    @Test
    void aZoneOnlyIstiocorednsRoutesIsShownAsHalfSetUp() {
        String half = Corefiles.addIstioRoute(cluster.istioCorefile, "internal", CoreDnsVersion.parse("1.6.2"));
        cluster.client.configMaps().inNamespace("istio-system").withName("coredns").edit(c -> {
            c.getData().put("Corefile", half);
            return c;
        });
        CliRun status = run(0, "status");
        assertThat(status.out() + status.err()).doesNotContain("no zone configured")
                .contains("zone internal is half set up").contains("svcalias init --domain internal")
                .contains("svcalias reset --domain internal");
        assertThat(status.out()).containsPattern("internal +.*127\\.0\\.0\\.1:8053");
        run(0, "init", "--domain", "internal");
        CliRun after = run(0, "status");
        assertThat(after.out() + after.err()).doesNotContain("half set up");
    }

    @Test
    void anAliasLeftWithoutItsZoneIsRemovedWithoutDomainToo() {
        run(0, "init", "--domain", "internal");
        run(0, "alias", "add", "my-fruits", FRUITS);
        run(0, "reset"); // the zone goes, the alias stays (no --aliases)
        assertThat(run(0, "status").out()).contains("my-fruits.internal");
        CliRun remove = run(0, "alias", "remove", "my-fruits");
        assertThat(remove.out()).contains("my-fruits.internal").contains("removed");
        assertThat(run(0, "alias", "list", "-o", "json").out()).contains("\"aliases\": []");
        CliRun none = run(5, "alias", "remove", "my-fruits");
        assertThat(none.err()).contains("not set up");
    }

    /** Item 10: a Corefile whose backup cannot fit in an annotation is refused before any write, saying why. */
    @Test
    void aCorefileTooLargeToBackUpIsRefusedUpFront() {
        String big = cluster.kubeDnsCorefile + ("# " + "x".repeat(98) + "\n").repeat(2_600); // ~260 KiB
        cluster.client.configMaps().inNamespace("kube-system").withName("coredns").edit(c -> {
            c.getData().put("Corefile", big);
            return c;
        });
        CliRun init = run(5, "init", "--domain", "internal");
        assertThat(init.err()).hasLineCount(1).contains("annotations may hold 256 KiB").contains("fix: shrink");
        assertThat(cluster.corefile("kube-system")).isEqualTo(big);
        assertThat(cluster.corefile("istio-system")).as("nothing written").isEqualTo(cluster.istioCorefile);
    }

    @Test
    void svcaliassOwnBlockForAPublicSuffixCanBeRemoved() {
        String original = cluster.kubeDnsCorefile;
        String withCom = Corefiles.addStubDomain(original, "com", "10.96.100.53");
        assertThat(withCom).contains("zone=com");
        CliRun removed = CliRun.runWith(Map.of(), withCom, "corefile", "remove", "--domain", "com");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.out()).isEqualTo(original);
        CliRun create = CliRun.runWith(Map.of(), original, "corefile", "stub-domain", "--domain", "com",
                "--forward-to", "10.96.100.53");
        assertThat(create.exitCode()).as("creating one is still refused").isEqualTo(2);
    }
}
