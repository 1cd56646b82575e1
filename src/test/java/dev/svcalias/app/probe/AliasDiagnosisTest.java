package dev.svcalias.app.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.mode.ModeName;
import dev.svcalias.dns.DnsAnswer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every branch of AliasDiagnosis: where the chain kube-dns -> istiocoredns -> plugin -> ServiceEntry breaks. */
class AliasDiagnosisTest {
    private static final String PROBE = "10.96.0.10:53";
    private static final AliasView IN_SYNC = new AliasView("my-fruits.internal", "fruits-api-service.micro-shake-factory",
            "10.103.1.1", "micro-shake-factory", "my-fruits.internal", Optional.of("10.103.1.1"));
    private static final DnsAnswer A_OK = new DnsAnswer("NOERROR", List.of("10.103.1.1"), null);
    private static final DnsAnswer AAAA_OK = new DnsAnswer("NOERROR", List.of(), null);

    private static String diagnose(AliasView alias, DnsAnswer a, DnsAnswer aaaa, List<String> chain) {
        return AliasDiagnosis.diagnose(alias, a, aaaa, chain, PROBE, Mode.of(ModeName.ISTIOCOREDNS).nxdomainHint());
    }

    @Test
    void passes() {
        assertThat(diagnose(IN_SYNC, A_OK, AAAA_OK, List.of())).isEmpty();
    }

    @Test
    void aTargetThatIsGone() {
        AliasView gone = new AliasView(IN_SYNC.host(), IN_SYNC.target(), "10.103.1.1", IN_SYNC.namespace(),
                IN_SYNC.entryName(), Optional.empty());
        assertThat(diagnose(gone, A_OK, AAAA_OK, List.of())).contains("no longer exists");
    }

    @Test
    void anAddressThatDiffersFromTheClusterIp() {
        AliasView moved = new AliasView(IN_SYNC.host(), IN_SYNC.target(), "10.103.1.1", IN_SYNC.namespace(),
                IN_SYNC.entryName(), Optional.of("10.103.9.9"));
        assertThat(diagnose(moved, A_OK, AAAA_OK, List.of()))
                .contains("differs").contains("svcalias alias add my-fruits fruits-api-service.micro-shake-factory --force");
    }

    @Test
    void chainProblemsComeBeforeTheAnswers() {
        assertThat(diagnose(IN_SYNC, new DnsAnswer("NXDOMAIN", List.of(), null), AAAA_OK, List.of("p1", "p2")))
                .isEqualTo("p1; p2");
    }

    @Test
    void nxdomain() {
        assertThat(diagnose(IN_SYNC, new DnsAnswer("NXDOMAIN", List.of(), null), AAAA_OK, List.of()))
                .startsWith("kube-dns at " + PROBE + " answered NXDOMAIN").contains("--wait");
    }

    @Test
    void servfail() {
        assertThat(diagnose(IN_SYNC, new DnsAnswer("SERVFAIL", List.of(), null), AAAA_OK, List.of()))
                .contains("SERVFAIL").contains("cannot reach istiocoredns");
    }

    @Test
    void timeoutSaysNoAnswerOnceAndNeverNull() {
        String withError = diagnose(IN_SYNC, DnsAnswer.timeout("connection refused"), AAAA_OK, List.of());
        assertThat(withError).isEqualTo("no answer from " + PROBE + " (connection refused)");
        String withoutError = diagnose(IN_SYNC, DnsAnswer.timeout(null), AAAA_OK, List.of());
        assertThat(withoutError).isEqualTo("no answer from " + PROBE);
    }

    @Test
    void anotherAddressShadowsTheAlias() {
        assertThat(diagnose(IN_SYNC, new DnsAnswer("NOERROR", List.of("1.2.3.4"), null), AAAA_OK, List.of()))
                .isEqualTo("answered 1.2.3.4 instead of 10.103.1.1: another record for my-fruits.internal shadows "
                        + "the alias");
    }

    @Test
    void otherRcodes() {
        assertThat(diagnose(IN_SYNC, new DnsAnswer("REFUSED", List.of(), null), AAAA_OK, List.of()))
                .isEqualTo("kube-dns at " + PROBE + " answered REFUSED");
    }

    @Test
    void aaaaFailureBreaksMusl() {
        assertThat(diagnose(IN_SYNC, A_OK, new DnsAnswer("NXDOMAIN", List.of(), null), List.of()))
                .contains("AAAA answered NXDOMAIN").contains("musl").contains("svcalias init");
    }
}
