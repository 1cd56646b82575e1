package dev.svcalias.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.app.probe.DnsProbe;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.ServiceEndpoint;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.testing.InMemoryCluster;
import dev.svcalias.testing.RecipeCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * alias add --wait in the use case layer, on an in-memory cluster with two CoreDNS replicas and a probe that asks
 * each of them: it returns only when both answer, and a replica that never does is a VERIFY_FAILED failure naming
 * it, with the write kept.
 */
class EffectWaitTest {
    private static final ClusterLayout LAYOUT = ClusterLayout.defaults();
    private static final ServiceEndpoint ONE = new ServiceEndpoint("198.18.0.11", "coredns-a");
    private static final ServiceEndpoint TWO = new ServiceEndpoint("198.18.0.12", "coredns-b");
    private InMemoryCluster cluster;

    /** Kube-dns's ClusterIP and replica ONE know the alias; replica TWO only from round {@code twoFrom} on. */
    private static class Replicas implements DnsProbe {
        final int twoFrom;
        int round;

        Replicas(int twoFrom) {
            this.twoFrom = twoFrom;
        }

        @Override
        public Map<Query, DnsAnswer> resolve(List<Query> queries) {
            round++;
            Map<Query, DnsAnswer> answers = new HashMap<>();
            for (Query q : queries) {
                boolean knows = !q.server().equals(TWO.address()) || round >= twoFrom;
                answers.put(q, !knows ? new DnsAnswer("NXDOMAIN", List.of(), "")
                        : q.type() == RecordType.A ? new DnsAnswer("NOERROR", List.of("10.103.1.1"), "")
                        : new DnsAnswer("NOERROR", List.of(), ""));
            }
            return answers;
        }

        @Override
        public String describe() {
            return "10.96.0.10 from pod svcalias-verify-test";
        }

        @Override
        public boolean reachesReplicas() {
            return true;
        }
    }

    @BeforeEach
    void recipe() {
        cluster = new InMemoryCluster()
                .corefile(LAYOUT.kubeDnsCorefile(), RecipeCluster.corpus("kubeadm-1.28.corefile"))
                .corefile(LAYOUT.istioCorefile(), RecipeCluster.corpus("istio-1.4-istiocoredns.corefile"))
                .service("istio-system", "istiocoredns", "10.96.100.53")
                .service("micro-shake-factory", "fruits-api-service", "10.103.1.1");
        cluster.readyEndpoints.put("kube-system/kube-dns", List.of(ONE, TWO));
        new InitUseCase(cluster).run(new InitRequest("internal", null, false, false, false, LAYOUT));
    }

    private Waited<AliasResult> add(DnsProbe probe, Duration timeout, List<VerifyResult> rounds) {
        EffectWait wait = new EffectWait(probe, timeout, Duration.ofMillis(50), rounds::add);
        return new AliasAddUseCase(cluster).run(new AliasRequest("my-fruits", "fruits-api-service.micro-shake-factory",
                null, null, false, false, LAYOUT), wait);
    }

    @Test
    void returnsOnceEveryReplicaAnswers() {
        List<VerifyResult> rounds = new ArrayList<>();
        Replicas probe = new Replicas(3);
        Waited<AliasResult> waited = add(probe, Duration.ofSeconds(10), rounds);
        assertThat(waited.failure()).isEmpty();
        assertThat(waited.result().status()).isEqualTo("created");
        assertThat(probe.round).isEqualTo(3);
        assertThat(rounds).hasSize(2).allSatisfy(r -> assertThat(r.checks().get(0).diagnosis())
                .startsWith("1 of 2 CoreDNS replicas do not answer 10.103.1.1 yet: 198.18.0.12 (pod coredns-b)"));
    }

    @Test
    void aReplicaThatNeverAnswersIsExit3AndTheWriteIsKept() {
        Waited<AliasResult> waited = add(new Replicas(Integer.MAX_VALUE), Duration.ofMillis(300), new ArrayList<>());
        SvcaliasException failure = waited.failure().orElseThrow();
        assertThat(failure.exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
        assertThat(failure.getMessage()).startsWith("alias my-fruits.internal was created, but did not take effect "
                + "within 0.3s: my-fruits.internal: 1 of 2 CoreDNS replicas").contains("pod coredns-b");
        assertThat(failure.hint()).contains("svcalias alias remove my-fruits --domain internal");
        assertThat(cluster.serviceEntryList()).hasSize(1);
    }

    @Test
    void aProbeThatCannotStartKeepsItsExitCode() {
        DnsProbe blocked = new Replicas(1) {
            @Override
            public Map<Query, DnsAnswer> resolve(List<Query> queries) {
                throw SvcaliasException.state("probe pod default/svcalias-verify-x never ran: quota exceeded",
                        "raise the quota");
            }
        };
        Optional<SvcaliasException> failure = add(blocked, Duration.ofSeconds(1), new ArrayList<>()).failure();
        assertThat(failure).get().extracting(SvcaliasException::exitCode).isEqualTo(ExitCode.CLUSTER_STATE);
        assertThat(failure.get().getMessage()).isEqualTo("alias my-fruits.internal was created, but could not be "
                + "verified: probe pod default/svcalias-verify-x never ran: quota exceeded");
        assertThat(failure.get().hint()).isEqualTo("raise the quota; undo the write with 'svcalias alias remove "
                + "my-fruits --domain internal'");
    }
}
