package dev.svcalias.app.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.ServiceEndpoint;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verify's per-replica check: one A query per alias and replica, and the replicas that answer otherwise, named. */
class ReplicaCheckTest {
    private static final ServiceEndpoint ONE = new ServiceEndpoint("198.18.0.11", "coredns-7d9f-abcde");
    private static final ServiceEndpoint TWO = new ServiceEndpoint("198.18.0.12", "coredns-7d9f-fghij");
    private final ReplicaCheck check = new ReplicaCheck(List.of(ONE, TWO), List.of("my-fruits.internal"));

    @Test
    void eachAliasIsAskedOfEachReplicaAtItsPodIp() {
        assertThat(check.queries()).containsExactly(
                new DnsProbe.Query("my-fruits.internal", RecordType.A, "198.18.0.11"),
                new DnsProbe.Query("my-fruits.internal", RecordType.A, "198.18.0.12"));
    }

    @Test
    void aReplicaStillOnTheOldCorefileIsNamedWithItsPodAndAnswer() {
        Map<DnsProbe.Query, DnsAnswer> answers = Map.of(
                check.queries().get(0), new DnsAnswer("NOERROR", List.of("10.103.1.1"), ""),
                check.queries().get(1), new DnsAnswer("NXDOMAIN", List.of(), ""));
        String lagging = check.lagging("my-fruits.internal", "10.103.1.1", answers);
        assertThat(lagging).startsWith("1 of 2 CoreDNS replicas do not answer 10.103.1.1 yet: 198.18.0.12 "
                + "(pod coredns-7d9f-fghij) answered NXDOMAIN").contains("retry with --wait")
                .doesNotContain("198.18.0.11");
    }

    @Test
    void everyReplicaAnsweringRightPassesAndNoReplicasMeansNothingToSay() {
        DnsAnswer right = new DnsAnswer("NOERROR", List.of("10.103.1.1"), "");
        Map<DnsProbe.Query, DnsAnswer> answers = Map.of(check.queries().get(0), right, check.queries().get(1), right);
        assertThat(check.lagging("my-fruits.internal", "10.103.1.1", answers)).isEmpty();
        assertThat(new ReplicaCheck(List.of(), List.of("my-fruits.internal")).queries()).isEmpty();
    }
}
