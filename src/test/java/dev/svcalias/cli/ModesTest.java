package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.Fabric8ClusterConnector;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.FakeDnsServer;
import dev.svcalias.testing.InterceptingConnector;
import dev.svcalias.testing.RecipeCluster;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The coredns and istio modes and the migration from istiocoredns, through the production wiring (mock API): what
 * the commands print, dry runs, rollback and reset. Each mode's writes, backends and migrations are checked on the
 * domain ({@code app/mode/ModesTest}, {@code app/mode/MigrationTest}, {@code app/alias/AliasBackendsTest}).
 */
class ModesTest extends RecipeClusterCase {
    static final String ALIASES = "svcalias-aliases";
    static final String FRUITS = "fruits-api-service.micro-shake-factory";
    /** What zone internal's aliases append to their Service names (AliasServiceNames). */
    static final String IN = "-3bed2cb3";


    private void removeIstiocoredns() {
        cluster.removeIstiocoredns();
    }

    private Service aliasService(String name) {
        return cluster.client.services().inNamespace(ALIASES).withName(name + IN).get();
    }

    @Test
    void autoPicksCorednsWithoutIstiocorednsAndAnAliasNeedsNoCorefileWrite() {
        removeIstiocoredns();
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: coredns").contains("namespace " + ALIASES);
        String kubeDns = cluster.corefile("kube-system");
        assertThat(kubeDns).startsWith(cluster.kubeDnsCorefile).contains("kind=coredns")
                .contains("name regex ^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.internal\\.$ {1}" + IN + "." + ALIASES
                        + ".svc.cluster.local.")
                .contains("forward . 127.0.0.1:53");
        assertThat(cluster.corefile("istio-system")).isEqualTo(cluster.istioCorefile);

        CliRun add = CliRun.run("alias", "add", "my-fruits", FRUITS, kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).contains("my-fruits.internal").contains("created");
        Service s = aliasService("my-fruits");
        assertThat(s.getSpec().getType()).isEqualTo("ExternalName");
        assertThat(s.getSpec().getExternalName()).isEqualTo(FRUITS + ".svc.cluster.local");
        assertThat(cluster.corefile("kube-system")).as("alias add never writes the Corefile").isEqualTo(kubeDns);
        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).out()).contains("unchanged");

        CliRun list = CliRun.run("alias", "list", "-o", "json", kc);
        assertThat(list.out()).contains("\"alias\": \"my-fruits.internal\"").contains("\"inSync\": true");
        CliRun status = CliRun.run("status", kc);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("coredns").contains("istiocoredns: none").contains("Auto mode:      coredns");

        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(aliasService("my-fruits")).isNull();

        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        CliRun reset = CliRun.run("reset", "--aliases", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(cluster.corefile("kube-system")).isEqualTo(cluster.kubeDnsCorefile);
        assertThat(aliasService("my-fruits")).isNull();
        assertThat(cluster.client.namespaces().withName(ALIASES).get()).isNull();
    }

    @Test
    void aliasNamesMustBeServiceNamesAndForeignServicesAreNotShadowed() {
        removeIstiocoredns();
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        CliRun digit = CliRun.run("alias", "add", "9lives", FRUITS, kc);
        assertThat(digit.exitCode()).as(digit.toString()).isEqualTo(2);
        assertThat(digit.err()).contains("Service name");
        cluster.service(ALIASES, "someone-elses" + IN, "10.96.7.7", 80, "http", "TCP");
        CliRun foreign = CliRun.run("alias", "add", "someone-elses", FRUITS, kc);
        assertThat(foreign.exitCode()).as(foreign.toString()).isEqualTo(5);
        assertThat(foreign.err()).contains("did not create");
        CliRun again = CliRun.run("init", "--domain", "internal", kc);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(5);
        assertThat(again.err()).contains("someone-elses");
    }

    @Test
    void migrationFromIstiocorednsDryRunThenAllAliasesMoveAndResetGivesTheOriginalBack() {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        String kubeDnsIstiocorednsEra = cluster.corefile("kube-system");
        removeIstiocoredns();

        CliRun dry = CliRun.run("init", "--domain", "internal", "--dry-run", kc);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("migrating from istiocoredns mode, 1 alias").contains("+    rewrite stop {")
                .contains("-    forward . " + RecipeCluster.ISTIOCOREDNS_IP).contains("externalName: " + FRUITS)
                .contains("# delete serviceentry micro-shake-factory/my-fruits.internal");
        assertThat(cluster.corefile("kube-system")).isEqualTo(kubeDnsIstiocorednsEra);
        assertThat(cluster.client.namespaces().withName(ALIASES).get()).isNull();

        CliRun migrate = CliRun.run("init", "--domain", "internal", kc);
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("migrated from istiocoredns mode, 1 alias");
        assertThat(cluster.corefile("kube-system")).contains("kind=coredns").doesNotContain("kind=stub-domain");
        assertThat(cluster.corefile("istio-system")).isEqualTo(cluster.istioCorefile);
        assertThat(aliasService("my-fruits").getSpec().getExternalName()).isEqualTo(FRUITS + ".svc.cluster.local");
        assertThat(CliRun.run("alias", "list", "-o", "json", kc).out()).contains("\"inSync\": true")
                .contains("\"namespace\": \"" + ALIASES + "\"");

        CliRun reset = CliRun.run("reset", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(cluster.corefile("kube-system")).isEqualTo(cluster.kubeDnsCorefile);
        assertThat(cluster.client.configMaps().inNamespace("kube-system").withName("coredns").get().getMetadata()
                .getAnnotations()).doesNotContainKey("svcalias.dev/original-corefile");
    }

    @Test
    void aFailedMigrationLeavesEverythingAsItWas() {
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        String kubeDns = cluster.corefile("kube-system");
        String istio = cluster.corefile("istio-system");
        removeIstiocoredns();
        InterceptingConnector failing = new InterceptingConnector(new Fabric8ClusterConnector(), (read, text) -> {
            if (text.contains("kind=coredns")) {
                throw new IllegalStateException("injected failure of the kube-dns write");
            }
        });
        CliRun migrate = CliRun.runWith(failing, Map.of(), "", "init", "--domain", "internal", kc);
        assertThat(migrate.exitCode()).as(migrate.toString()).isNotZero();
        assertThat(migrate.err()).contains("rolled back");
        assertThat(cluster.corefile("kube-system")).isEqualTo(kubeDns);
        assertThat(cluster.corefile("istio-system")).isEqualTo(istio);
        assertThat(aliasService("my-fruits")).isNull();
        assertThat(cluster.client.namespaces().withName(ALIASES).get()).isNull();
        assertThat(CliRun.run("alias", "list", "-o", "json", kc).out()).contains("my-fruits.internal")
                .contains("\"namespace\": \"micro-shake-factory\"");
    }

    @Test
    void istioModeWritesTheServiceAndAServiceEntryAndReportsDnsCapture() {
        removeIstiocoredns();
        CliRun init = CliRun.run("init", "--domain", "internal", "--mode", "istio", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.err()).contains("DNS capture is off").contains("does not turn capture on");
        assertThat(cluster.corefile("kube-system")).contains("kind=istio");
        CliRun add = CliRun.run("alias", "add", "my-fruits", FRUITS, kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(aliasService("my-fruits")).isNotNull();
        CliRun list = CliRun.run("alias", "list", "-o", "json", kc);
        // the alias follows the target by name (ADR 0180): the entry has no address of its own
        assertThat(list.out()).contains("\"address\": \"" + FRUITS + ".svc.cluster.local\"")
                .contains("\"inSync\": true");
        assertThat(serviceEntrySpec()).contains("protocol=HTTP").contains("number=80").contains("resolution=NONE")
                .doesNotContain("addresses");
        CliRun status = CliRun.run("status", "-o", "json", kc);
        assertThat(status.out()).contains("\"mode\": \"istio\"");
        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(aliasService("my-fruits")).isNull();
        assertThat(CliRun.run("alias", "list", "-o", "json", kc).out()).contains("\"aliases\": []");
    }

    private String serviceEntrySpec() {
        var op = cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry");
        return String.valueOf(op.inNamespace("micro-shake-factory").withName("my-fruits.internal").get()
                .getAdditionalProperties().get("spec"));
    }

    @Test
    void verifyMeshedAsksTheMeshDnsProxyToo() throws Exception {
        removeIstiocoredns();
        assertThat(CliRun.run("init", "--domain", "internal", "--mode", "istio", kc).exitCode()).isZero();
        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        java.util.function.Function<FakeDnsServer.Question, FakeDnsServer.Reply> kubeDns = q ->
                q.name().equals("my-fruits.internal") && q.type().equals("A") ? FakeDnsServer.Reply.of(RecipeCluster.FRUITS_IP)
                        : FakeDnsServer.Reply.of();
        try (FakeDnsServer dns = new FakeDnsServer(kubeDns);
             FakeDnsServer proxy = new FakeDnsServer(q -> FakeDnsServer.Reply.nxdomain())) {
            CliRun stale = CliRun.run("verify", "--nameserver", dns.address(), "--meshed", "--proxy-nameserver",
                    proxy.address(), kc);
            assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(3);
            assertThat(stale.out()).contains("Through the mesh's DNS proxy (" + proxy.address() + ")")
                    .contains("istiod has not pushed");
        }
        try (FakeDnsServer dns = new FakeDnsServer(kubeDns); FakeDnsServer proxy = new FakeDnsServer(kubeDns)) {
            CliRun ok = CliRun.run("verify", "--nameserver", dns.address(), "--meshed", "--proxy-nameserver",
                    proxy.address(), "-o", "json", kc);
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(ok.out()).contains("\"meshedNameserver\"");
        }
        CliRun proxyAlone = CliRun.run("verify", "--proxy-nameserver", "127.0.0.1:15053", kc);
        assertThat(proxyAlone.exitCode()).as(proxyAlone.toString()).isEqualTo(2);
        assertThat(proxyAlone.err()).contains("--proxy-nameserver is only used with --meshed");
    }

    @Test
    void aBadModeIsUsage() {
        CliRun bad = CliRun.run("init", "--domain", "internal", "--mode", "kube-dns", kc);
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("--mode kube-dns").contains("auto, istiocoredns, coredns or istio");
    }
}
