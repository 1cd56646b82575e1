package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The recipe against a real API server and real CoreDNS: init, alias add, verify through kube-dns, a real query
 * for my-fruits.internal, then remove and reset back to the original bytes.
 */
class RecipeScenarioRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofSeconds(2));

    @Test
    void aliasResolvesThroughTheRealChainAndEverythingIsUndone() {
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        Nameserver kubeDns = Nameserver.parse(CLUSTER.kubeDnsAddress());
        // before: kube-dns answers the Service's own name (the kubernetes plugin against the real API server)
        DnsAnswer service = eventually(() -> dns.query("fruits-api-service.micro-shake-factory.svc.cluster.local",
                RecordType.A, kubeDns), a -> a.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(service.addresses()).as(CLUSTER.logs()).containsExactly(RealCluster.FRUITS_IP);

        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--wait", "--timeout", "60s",
                "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();

        DnsAnswer a = dns.query("my-fruits.internal", RecordType.A, kubeDns);
        assertThat(a.rcode()).isEqualTo("NOERROR");
        assertThat(a.addresses()).containsExactly(RealCluster.FRUITS_IP);
        DnsAnswer aaaa = dns.query("my-fruits.internal", RecordType.AAAA, kubeDns);
        assertThat(aaaa.rcode()).as("AAAA must not be NXDOMAIN (musl)").isEqualTo("NOERROR");
        assertThat(aaaa.addresses()).isEmpty();

        CliRun remove = CliRun.run("alias", "remove", "my-fruits", kc);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        DnsAnswer gone = eventually(() -> dns.query("my-fruits.internal", RecordType.A, kubeDns),
                x -> x.rcode().equals("NXDOMAIN"));
        assertThat(gone.rcode()).isEqualTo("NXDOMAIN");

        CliRun reset = CliRun.run("reset", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
        assertThat(CLUSTER.corefile("istio-system")).isEqualTo(CLUSTER.seededIstioCorefile());
        // kube-dns reloads without the zone: the name is no longer forwarded anywhere
        DnsAnswer unrouted = eventually(() -> dns.query("my-fruits.internal", RecordType.AAAA, kubeDns),
                x -> !x.rcode().equals("NOERROR"));
        assertThat(unrouted.rcode()).isNotEqualTo("NOERROR");
    }

    /** Retries for up to 30s: CoreDNS's reload (2s in the testbed), the plugin's ServiceEntry poll, istiod's pushes. */
    static <T> T eventually(Supplier<T> query, java.util.function.Predicate<T> done) {
        T last = query.get();
        for (int i = 0; i < 60 && !done.test(last); i++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = query.get();
        }
        return last;
    }
}
