package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeSeed;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * coredns mode through real CoreDNS 1.14.7 whose kubernetes plugin reads the real API server, on a cluster
 * without istiocoredns: the recipe's three commands; the answer follows the target when it is re-created with
 * another ClusterIP, without svcalias; AAAA is NOERROR without records; names outside the zone and search-path
 * forms answer as before; a headless target answers its pods. Prints the measured times to effect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorednsModeRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    static final String FRUITS_FQDN = "fruits-api-service.micro-shake-factory.svc.cluster.local";
    static final List<String> UNTOUCHED = List.of(FRUITS_FQDN, "my-fruits.internal.default.svc.cluster.local",
            "my-fruits.internal.micro-shake-factory.svc.cluster.local", "kube-dns.kube-system.svc.cluster.local",
            "example.org");

    private static final DnsjavaClient DNS = new DnsjavaClient(Duration.ofMillis(700));
    private static Nameserver kubeDns;
    private static final java.util.Map<String, String> BEFORE = new java.util.HashMap<>();

    @BeforeAll
    static void noIstiocoredns() {
        CLUSTER.removeIstiocoredns(false);
        kubeDns = Nameserver.parse(CLUSTER.kubeDnsAddress());
        // the kubernetes plugin's informer is up once it answers the target
        Until.answered(() -> query(FRUITS_FQDN, RecordType.A), a -> a.addresses().contains(RealCluster.FRUITS_IP));
        for (String name : UNTOUCHED) {
            BEFORE.put(name, query(name, RecordType.A).describe());
        }
    }

    static DnsAnswer query(String name, RecordType type) {
        return DNS.query(name, type, kubeDns);
    }

    static String kc() {
        return "--kubeconfig=" + CLUSTER.adminKubeconfig();
    }

    @Test
    @Order(1)
    void theRecipesThreeCommandsWork() {
        CliRun init = CliRun.run("init", "--domain", "internal", kc());
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Mode: coredns");
        long initDone = System.nanoTime();
        // the zone's block reaches CoreDNS through the ConfigMap copy and reload: a not-yet-aliased name in the
        // zone turns from the upstream's answer into kube-dns's own NXDOMAIN
        Until live = Until.answered(() -> query("not-an-alias.internal", RecordType.A),
                a -> a.rcode().equals("NXDOMAIN"));
        assertThat(live.answer().rcode()).as(CLUSTER.logs()).isEqualTo("NXDOMAIN");
        Until.figure("coredns mode: init (Corefile write) to zone live, testbed (kubelet copy 0.3 s, reload 2 s)",
                (System.nanoTime() - initDone) / 1_000_000);

        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Until resolved = Until.answered(() -> query("my-fruits.internal", RecordType.A),
                a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(resolved.answer().addresses()).as(CLUSTER.logs()).containsExactly(RealCluster.FRUITS_IP);
        Until.figure("coredns mode: alias add (no Corefile write) to first right answer", resolved.millis());

        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--wait", "--timeout", "60s",
                "--interval", "1s", kc());
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
        assertThat(verify.out()).contains("my-fruits.internal").contains(RealCluster.FRUITS_IP);
    }

    @Test
    @Order(2)
    void aaaaIsNoErrorWithoutRecordsAndUnknownAliasesAreNxdomain() {
        DnsAnswer aaaa = query("my-fruits.internal", RecordType.AAAA);
        assertThat(aaaa.rcode()).as("AAAA must not be NXDOMAIN (musl)").isEqualTo("NOERROR");
        assertThat(aaaa.addresses()).isEmpty();
        assertThat(query("nobody.internal", RecordType.A).rcode()).isEqualTo("NXDOMAIN");
        assertThat(query("MY-FRUITS.internal", RecordType.A).addresses()).containsExactly(RealCluster.FRUITS_IP);
    }

    @Test
    @Order(3)
    void namesOutsideTheAliasesAnswerAsBefore() {
        for (String name : UNTOUCHED) {
            assertThat(query(name, RecordType.A).describe()).as(name).isEqualTo(BEFORE.get(name));
        }
        // the zone is svcalias's: a name of it that is no alias is NXDOMAIN (not sent back to kube-dns, which would
        // hand it to this block again)
        assertThat(query("metadata.google.internal", RecordType.A).rcode()).isEqualTo("NXDOMAIN");
        assertThat(query("a.my-fruits.internal", RecordType.A).rcode()).isEqualTo("NXDOMAIN");
        // the aliases namespace's own names are only the ExternalName Services svcalias wrote (NAME plus the zone's
        // suffix, AliasServiceNames)
        assertThat(query("my-fruits-3bed2cb3.svcalias-aliases.svc.cluster.local", RecordType.A).addresses())
                .containsExactly(RealCluster.FRUITS_IP);
    }

    @Test
    @Order(4)
    void theAnswerFollowsTheTargetWhenItIsRecreatedWithoutSvcalias() {
        var services = CLUSTER.client().services().inNamespace("micro-shake-factory");
        assertThat(query("my-fruits.internal", RecordType.A).addresses()).containsExactly(RealCluster.FRUITS_IP);
        long cached = System.nanoTime(); // kube-dns now caches the answer (cache 30, kubernetes ttl 30)
        services.withName("fruits-api-service").delete();
        Until.answered(() -> query(FRUITS_FQDN, RecordType.A), a -> a.rcode().equals("NXDOMAIN"));
        long recreated = System.nanoTime();
        services.resource(new ServiceBuilder().withNewMetadata().withName("fruits-api-service")
                .withNamespace("micro-shake-factory").endMetadata().withNewSpec().withClusterIP("10.103.1.2")
                .addNewPort().withName("http").withPort(80).withProtocol("TCP").endPort().endSpec().build()).create();
        Until follows = Until.answered(() -> query("my-fruits.internal", RecordType.A),
                a -> a.addresses().equals(List.of("10.103.1.2")));
        assertThat(follows.answer().addresses()).as(CLUSTER.logs()).containsExactly("10.103.1.2");
        Until.figure("coredns mode: target re-created with a new ClusterIP to the alias answering it, no svcalias "
                + "run (the old answer was cached " + (recreated - cached) / 1_000_000 + " ms before the re-create)",
                (System.nanoTime() - recreated) / 1_000_000);
        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), kc());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    @Order(5)
    void aHeadlessTargetAnswersItsPods() {
        new RecipeSeed(CLUSTER.client()).headlessService("micro-shake-factory", "fruits-pods", "198.18.0.5");
        CliRun add = CliRun.run("alias", "add", "fruit-pods", "fruits-pods.micro-shake-factory", kc());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Until pods = Until.answered(() -> query("fruit-pods.internal", RecordType.A),
                a -> a.addresses().contains("198.18.0.5"));
        assertThat(pods.answer().addresses()).as(CLUSTER.logs()).containsExactly("198.18.0.5");
        CliRun verify = CliRun.run("verify", "fruit-pods", "--nameserver", CLUSTER.kubeDnsAddress(), kc());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    @Order(6)
    void removeAndResetPutEverythingBack() {
        assertThat(CliRun.run("alias", "remove", "fruit-pods", kc()).exitCode()).isZero();
        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc());
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        Until gone = Until.answered(() -> query("my-fruits.internal", RecordType.A), a -> a.rcode().equals("NXDOMAIN"));
        assertThat(gone.answer().rcode()).isEqualTo("NXDOMAIN");
        Until.figure("coredns mode: alias remove to NXDOMAIN (the positive answer's cache TTL included)", gone.millis());
        CliRun reset = CliRun.run("reset", "--aliases", kc());
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
        // svcalias created the namespace, so reset deletes it (without a controller manager it stays Terminating)
        var ns = CLUSTER.client().namespaces().withName("svcalias-aliases").get();
        assertThat(ns == null || ns.getMetadata().getDeletionTimestamp() != null).as(String.valueOf(ns)).isTrue();
    }

    /**
     * Candidate B of the design (not what svcalias writes): one {@code rewrite name exact} line per alias, i.e. a
     * Corefile write per alias. Same real CoreDNS; measures how long such a write takes to answer, to set against
     * candidate A's Service create. In a cluster, add kubelet's ConfigMap sync (about a minute) and reload's
     * 30 s +/- 7.5 s; the testbed copies every 0.3 s and reloads every 2 s.
     */
    @Test
    @Order(7)
    void candidateBAnswersOnlyAfterACorefileCopyAndReload() {
        String seeded = CLUSTER.seededKubeDnsCorefile();
        String perAlias = seeded + "candb:53 {\n    rewrite name exact b-fruits.candb. " + FRUITS_FQDN + ". answer auto\n"
                + "    forward . 127.0.0.1:53\n}\n";
        var configMaps = CLUSTER.client().configMaps().inNamespace("kube-system");
        var cm = configMaps.withName("coredns").get();
        cm.getData().put("Corefile", perAlias);
        long written = System.nanoTime();
        configMaps.resource(cm).update();
        Until answered = Until.answered(() -> query("b-fruits.candb", RecordType.A),
                a -> a.addresses().contains("10.103.1.2"));
        long millis = (System.nanoTime() - written) / 1_000_000;
        assertThat(answered.answer().addresses()).as(CLUSTER.logs()).containsExactly("10.103.1.2");
        Until.figure("candidate B: Corefile write (rewrite name exact per alias) to first right answer, testbed", millis);
        cm = configMaps.withName("coredns").get();
        cm.getData().put("Corefile", seeded);
        configMaps.resource(cm).update();
    }
}
