package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.FakeDnsServer;
import dev.svcalias.testing.OnRecipeCluster;
import dev.svcalias.testing.RecipeCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * istio mode's VirtualService per alias, through the production wiring (mock API): written with the alias, shown by
 * --dry-run, idempotent, re-pointed with --force, removed by alias remove and reset, moved by migration in and out
 * of istio mode, refused when someone else routes the host, and checked by verify.
 */
class IstioRoutesTest extends OnRecipeCluster {
    static final String FRUITS = ModesTest.FRUITS;
    static final String FQDN = FRUITS + ".svc.cluster.local";

    @BeforeEach
    void istioWithoutIstiocoredns() {
        cluster.removeIstiocoredns();
    }

    private GenericKubernetesResource route(String ns, String name) {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inNamespace(ns)
                .withName(name).get();
    }

    private List<GenericKubernetesResource> routes() {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inAnyNamespace()
                .list().getItems();
    }

    /** One route as the API returns it: match, then the destination host and port. */
    private static List<Object> routes(Map<String, Object> match, String host, int port) {
        return List.of(Map.of("match", List.of(match), "route", List.of(Map.of("destination",
                Map.of("host", host, "port", Map.of("number", port))))));
    }

    private void initIstio() {
        CliRun init = CliRun.run("init", "--domain", "internal", "--mode", "istio", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
    }

    @Test
    void anAliasGetsARouteToTheTargetsOwnNameAndPortsShownByDryRunAndWrittenOnce() {
        initIstio();
        cluster.service("micro-shake-factory", "db", "10.103.1.9", 5432, "tcp-postgres", "TCP");
        CliRun dry = CliRun.run("alias", "add", "my-fruits", FRUITS, "--dry-run", kc);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("# create virtualservice micro-shake-factory/my-fruits.internal")
                .contains("kind: VirtualService").contains("host: " + FQDN);
        assertThat(routes()).isEmpty();

        CliRun add = CliRun.run("alias", "add", "my-fruits", FRUITS, kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        GenericKubernetesResource vs = route("micro-shake-factory", "my-fruits.internal");
        assertThat(vs.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "svcalias");
        assertThat(vs.getMetadata().getAnnotations()).containsEntry("svcalias.dev/target", FRUITS);
        Map<?, ?> spec = (Map<?, ?>) vs.getAdditionalProperties().get("spec");
        assertThat(spec.get("hosts")).isEqualTo(List.of("my-fruits.internal"));
        assertThat(spec.get("http")).isEqualTo(routes(Map.of("port", 80), FQDN, 80));
        assertThat(spec.containsKey("tcp")).isFalse();
        String rv = vs.getMetadata().getResourceVersion();
        CliRun again = CliRun.run("alias", "add", "my-fruits", FRUITS, kc);
        assertThat(again.out()).as(again.toString()).contains("unchanged");
        assertThat(route("micro-shake-factory", "my-fruits.internal").getMetadata().getResourceVersion())
                .isEqualTo(rv);

        // TCP and TLS ports are not on the alias's ServiceEntry (ADR 0180), so istiod would bind no route of the
        // alias there: their connections reach the target's own listener, and the alias gets no VirtualService
        CliRun db = CliRun.run("alias", "add", "db", "db.micro-shake-factory", kc);
        assertThat(db.exitCode()).as(db.toString()).isZero();
        assertThat(route("micro-shake-factory", "db.internal")).isNull();
        cluster.service("micro-shake-factory", "secure", "10.103.1.8", 443, "https", "TCP");
        assertThat(CliRun.run("alias", "add", "secure", "secure.micro-shake-factory", kc).exitCode()).isZero();
        assertThat(route("micro-shake-factory", "secure.internal")).isNull();
        assertThat(routes()).hasSize(1);
    }

    @Test
    void anOlderTcpRouteIsDeletedAndVerifyAsksNoRouteOfATargetWithoutHttpPorts() throws Exception {
        initIstio();
        cluster.service("micro-shake-factory", "db", "10.103.1.9", 5432, "tcp-postgres", "TCP");
        assertThat(CliRun.run("alias", "add", "db", "db.micro-shake-factory", kc).exitCode()).isZero();
        // what svcalias wrote before ADR 0200: a tcp route of the alias, which istiod never used
        cluster.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService")
                .inNamespace("micro-shake-factory").resource(new io.fabric8.kubernetes.api.model
                        .GenericKubernetesResourceBuilder().withApiVersion("networking.istio.io/v1")
                        .withKind("VirtualService").withNewMetadata().withName("db.internal")
                        .withNamespace("micro-shake-factory")
                        .addToLabels("app.kubernetes.io/managed-by", "svcalias")
                        .addToAnnotations("svcalias.dev/target", "db.micro-shake-factory").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("hosts", List.of("db.internal"), "tcp",
                                routes(Map.of("port", 5432), "db.micro-shake-factory.svc.cluster.local", 5432)))
                        .build()).create();
        try (FakeDnsServer dns = new FakeDnsServer(q -> q.name().equals("db.internal") && q.type().equals("A")
                ? FakeDnsServer.Reply.of("10.103.1.9") : FakeDnsServer.Reply.of())) {
            CliRun verify = CliRun.run("verify", "--nameserver", dns.address(), kc);
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            CliRun dry = CliRun.run("alias", "add", "db", "db.micro-shake-factory", "--dry-run", kc);
            assertThat(dry.out()).as(dry.toString())
                    .contains("# delete virtualservice micro-shake-factory/db.internal\n");
            CliRun add = CliRun.run("alias", "add", "db", "db.micro-shake-factory", kc);
            assertThat(add.out()).as(add.toString()).contains("updated");
            assertThat(routes()).isEmpty();
            assertThat(CliRun.run("verify", "--nameserver", dns.address(), kc).exitCode()).isZero();
        }
    }

    @Test
    void forceMovesTheRouteToTheNewTargetsNamespaceAndRemoveAndResetDeleteIt() {
        initIstio();
        cluster.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("juice-bar").endMetadata().build()).create();
        cluster.service("juice-bar", "juice-api", "10.103.2.2", 8080, "grpc", "TCP");
        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        CliRun noForce = CliRun.run("alias", "add", "my-fruits", "juice-api.juice-bar", kc);
        assertThat(noForce.exitCode()).as(noForce.toString()).isEqualTo(5);
        CliRun force = CliRun.run("alias", "add", "my-fruits", "juice-api.juice-bar", "--force", kc);
        assertThat(force.exitCode()).as(force.toString()).isZero();
        assertThat(route("micro-shake-factory", "my-fruits.internal")).isNull();
        assertThat(((Map<?, ?>) route("juice-bar", "my-fruits.internal").getAdditionalProperties().get("spec"))
                .get("http")).isEqualTo(routes(Map.of("port", 8080), "juice-api.juice-bar.svc.cluster.local", 8080));

        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(routes()).isEmpty();

        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        CliRun resetDry = CliRun.run("reset", "--aliases", "--dry-run", kc);
        assertThat(resetDry.out()).as(resetDry.toString())
                .contains("# delete virtualservice micro-shake-factory/my-fruits.internal");
        assertThat(routes()).hasSize(1);
        CliRun reset = CliRun.run("reset", "--aliases", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(routes()).isEmpty();
    }

    @Test
    void aHostSomeoneElseRoutesIsRefusedBeforeAnyWrite() {
        initIstio();
        cluster.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService")
                .inNamespace("default").resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                        .withApiVersion("networking.istio.io/v1").withKind("VirtualService").withNewMetadata()
                        .withName("theirs").withNamespace("default").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("hosts", List.of("my-fruits.internal"))).build())
                .create();
        CliRun add = CliRun.run("alias", "add", "my-fruits", FRUITS, kc);
        assertThat(add.exitCode()).as(add.toString()).isEqualTo(5);
        assertThat(add.err()).contains("VirtualService default/theirs").contains("did not create");
        assertThat(cluster.client.services().inNamespace(ModesTest.ALIASES).withName("my-fruits").get()).isNull();
    }

    @Test
    void verifyReportsAMissingOrMisdirectedRouteWithAFix() throws Exception {
        initIstio();
        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        try (FakeDnsServer dns = new FakeDnsServer(q -> q.name().equals("my-fruits.internal") && q.type().equals("A")
                ? FakeDnsServer.Reply.of(RecipeCluster.FRUITS_IP) : FakeDnsServer.Reply.of())) {
            CliRun ok = CliRun.run("verify", "--nameserver", dns.address(), kc);
            assertThat(ok.exitCode()).as(ok.toString()).isZero();

            GenericKubernetesResource vs = route("micro-shake-factory", "my-fruits.internal");
            vs.getAdditionalProperties().put("spec", Map.of("hosts", List.of("my-fruits.internal"), "http",
                    List.of(Map.of("route", List.of(Map.of("destination", Map.of("host", "evil.example")))))));
            cluster.client.resource(vs).update();
            CliRun elsewhere = CliRun.run("verify", "--nameserver", dns.address(), kc);
            assertThat(elsewhere.exitCode()).as(elsewhere.toString()).isEqualTo(3);
            assertThat(elsewhere.out()).contains("routes my-fruits.internal to evil.example instead of " + FQDN)
                    .contains("svcalias alias add my-fruits " + FRUITS + " --force");
            CliRun fix = CliRun.run("alias", "add", "my-fruits", FRUITS, kc);
            assertThat(fix.out()).as(fix.toString()).contains("updated");
            assertThat(CliRun.run("verify", "--nameserver", dns.address(), kc).exitCode()).isZero();

            cluster.client.resource(route("micro-shake-factory", "my-fruits.internal")).delete();
            CliRun missing = CliRun.run("verify", "--nameserver", dns.address(), kc);
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
            assertThat(missing.out()).contains("no VirtualService routes my-fruits.internal to " + FQDN);
            CliRun status = CliRun.run("status", kc);
            assertThat(status.out()).as(status.toString())
                    .contains("my-fruits.internal: no VirtualService routes my-fruits.internal to " + FQDN);
        }
    }

    @Test
    void migrationIntoIstioModeWritesRoutesAndOutOfItDeletesThem() {
        assertThat(CliRun.run("init", "--domain", "internal", "--mode", "coredns", kc).exitCode()).isZero();
        assertThat(CliRun.run("alias", "add", "my-fruits", FRUITS, kc).exitCode()).isZero();
        CliRun dry = CliRun.run("init", "--domain", "internal", "--mode", "istio", "--dry-run", kc);
        assertThat(dry.out()).as(dry.toString()).contains("# create virtualservice micro-shake-factory/my-fruits.internal");
        assertThat(routes()).isEmpty();
        CliRun in = CliRun.run("init", "--domain", "internal", "--mode", "istio", kc);
        assertThat(in.exitCode()).as(in.toString()).isZero();
        assertThat(route("micro-shake-factory", "my-fruits.internal")).isNotNull();

        CliRun out = CliRun.run("init", "--domain", "internal", "--mode", "coredns", kc);
        assertThat(out.exitCode()).as(out.toString()).isZero();
        assertThat(routes()).isEmpty();
        assertThat(CliRun.run("alias", "list", "-o", "json", kc).out()).contains("\"inSync\": true");
    }
}
