package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.FakeDnsServer;
import dev.svcalias.testing.FakeDnsServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * init --wait and alias add --wait (ADR 0135): after the write, verify's check until kube-dns answers; exit 3 with
 * "was written" and the undo command when it never does; the progress line only on a terminal. The probe here is
 * --nameserver on a DNS server that answers from the mock cluster's objects; the probe pod's own path (each
 * replica from a pod) is PodDnsProbeTest's and the node RealITs'.
 */
class WaitTest extends RecipeClusterCase {
    private static final String TARGET = "fruits-api-service.micro-shake-factory";

    @Test
    void returnsWhenTheAliasAnswers() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(new ChainDns(cluster)::answer)) {
            CliRun init = CliRun.run("init", "--domain", "internal", "--wait", "--nameserver", dns.address(), kc);
            assertThat(init.exitCode()).as(init.toString()).isZero();
            assertThat(init.err()).as(init.toString()).contains("has no aliases yet, so --wait checked only the "
                    + "Corefile chain");
            CliRun add = CliRun.run("alias", "add", "my-fruits", TARGET, "--wait", "--timeout", "10s",
                    "--nameserver", dns.address(), kc);
            assertThat(add.exitCode()).as(add.toString()).isZero();
            assertThat(add.out()).contains("my-fruits.internal").contains("created");
            assertThat(add.err()).as("no progress line off a terminal").isEmpty();
            CliRun again = CliRun.run("init", "--domain", "internal", "--wait", "--nameserver", dns.address(), kc);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.err()).as(again.toString()).doesNotContain("no aliases yet");
        }
    }

    @Test
    void timesOutWithExit3SayingTheWriteSucceeded() throws Exception {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        try (FakeDnsServer dns = new FakeDnsServer(q -> Reply.nxdomain())) {
            CliRun add = CliRun.run("alias", "add", "my-fruits", TARGET, "--wait", "--timeout", "1s",
                    "--interval", "200ms", "--nameserver", dns.address(), kc);
            assertThat(add.exitCode()).as(add.toString()).isEqualTo(3);
            assertThat(add.out()).as("what was written is still printed").contains("my-fruits.internal")
                    .contains("created");
            assertThat(add.err()).as(add.toString()).hasLineCount(1)
                    .startsWith("error: alias my-fruits.internal was created, but did not take effect within 1s: "
                            + "my-fruits.internal: kube-dns at " + dns.address() + " answered NXDOMAIN")
                    .contains("svcalias verify --wait --domain internal my-fruits")
                    .contains("undo the write with 'svcalias alias remove my-fruits --domain internal'");
            assertThat(CliRun.run("alias", "list", kc).out()).as("the write is kept").contains("my-fruits.internal");

            CliRun init = CliRun.run("init", "--domain", "internal", "--wait", "--timeout", "1s",
                    "--nameserver", dns.address(), kc);
            assertThat(init.exitCode()).as(init.toString()).isEqualTo(3);
            assertThat(init.err()).as(init.toString())
                    .contains("error: zone internal was already set up (nothing written), but did not take effect")
                    .contains("'svcalias reset --domain internal'");
        }
    }

    @Test
    void aRepointedAliasNamesItsPreviousTargetAsTheUndo() throws Exception {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        assertThat(CliRun.run("alias", "add", "my-fruits", TARGET, kc).exitCode()).isZero();
        cluster.service("juice-bar", "juice-api", "10.103.9.9", 80, "http", "TCP");
        try (FakeDnsServer dns = new FakeDnsServer(q -> Reply.nxdomain())) {
            CliRun repoint = CliRun.run("alias", "add", "my-fruits", "juice-api.juice-bar", "--force", "--wait",
                    "--timeout", "1s", "--interval", "200ms", "--nameserver", dns.address(), kc);
            assertThat(repoint.exitCode()).as(repoint.toString()).isEqualTo(3);
            assertThat(repoint.err()).as(repoint.toString())
                    .startsWith("error: alias my-fruits.internal was re-pointed, but did not take effect")
                    .contains("undo the write with 'svcalias alias add my-fruits " + TARGET
                            + " --domain internal --force'")
                    .doesNotContain("PREVIOUS-TARGET");
        }
    }

    @Test
    void aProbeThatCannotAskIsNotATimeout() {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        cluster.client.services().inNamespace("kube-system").withName("kube-dns").delete();
        CliRun add = CliRun.run("alias", "add", "my-fruits", TARGET, "--wait", kc);
        assertThat(add.exitCode()).as(add.toString()).isEqualTo(5);
        assertThat(add.err()).as(add.toString()).startsWith("error: ").contains("no Service kube-system/kube-dns");
    }

    @Test
    void theProgressLineIsOnlyOnATerminal() throws Exception {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        try (FakeDnsServer dns = new FakeDnsServer(q -> Reply.nxdomain())) {
            String[] args = {"alias", "add", "my-fruits", TARGET, "--wait", "--timeout", "1500ms", "--interval",
                    "300ms", "--nameserver", dns.address(), kc};
            CliRun terminal = CliRun.onTerminal(Map.of(), args);
            assertThat(terminal.exitCode()).as(terminal.toString()).isEqualTo(3);
            assertThat(terminal.err()).contains("\r").contains("waiting for every CoreDNS replica");
            CliRun pipe = CliRun.run(args);
            assertThat(pipe.exitCode()).as(pipe.toString()).isEqualTo(3);
            assertThat(pipe.err()).doesNotContain("\r").doesNotContain("waiting for every CoreDNS replica");
        }
    }
}
