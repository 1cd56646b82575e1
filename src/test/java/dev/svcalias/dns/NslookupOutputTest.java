package dev.svcalias.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Outputs as busybox 1.36's nslookup prints them. */
class NslookupOutputTest {
    @Test
    void answerSkipsTheServersOwnAddress() {
        DnsAnswer a = NslookupOutput.parse("""
                Server:		10.96.0.10
                Address:	10.96.0.10:53

                Name:	my-fruits.internal
                Address: 10.103.1.1

                """);
        assertThat(a.rcode()).isEqualTo("NOERROR");
        assertThat(a.addresses()).containsExactly("10.103.1.1");
    }

    @Test
    void nxdomain() {
        DnsAnswer a = NslookupOutput.parse("""
                Server:		10.96.0.10
                Address:	10.96.0.10:53

                ** server can't find my-fruits.internal: NXDOMAIN
                """);
        assertThat(a.rcode()).isEqualTo("NXDOMAIN");
    }

    @Test
    void noDataIsNoErrorWithoutRecords() {
        DnsAnswer a = NslookupOutput.parse("""
                Server:		10.96.0.10
                Address:	10.96.0.10:53

                *** Can't find my-fruits.internal: No answer
                """);
        assertThat(a.rcode()).isEqualTo("NOERROR");
        assertThat(a.addresses()).isEmpty();
    }

    @Test
    void timeout() {
        assertThat(NslookupOutput.parse(";; connection timed out; no servers could be reached\n").rcode())
                .isEqualTo("TIMEOUT");
    }
}
