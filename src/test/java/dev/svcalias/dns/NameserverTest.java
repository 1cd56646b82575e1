package dev.svcalias.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameserverTest {
    @Test
    void parsesHostAndPort() {
        assertThat(Nameserver.parse("10.96.0.10")).isEqualTo(new Nameserver("10.96.0.10", 53));
        assertThat(Nameserver.parse("127.0.0.1:5353")).isEqualTo(new Nameserver("127.0.0.1", 5353));
        assertThat(Nameserver.parse("[::1]:5353")).isEqualTo(new Nameserver("::1", 5353));
        assertThat(Nameserver.parse("::1")).isEqualTo(new Nameserver("::1", 53));
    }

    @Test
    void refusesBadPorts() {
        assertThatThrownBy(() -> Nameserver.parse("127.0.0.1:99999")).hasMessageContaining("invalid port");
        assertThatThrownBy(() -> Nameserver.parse("127.0.0.1:x")).hasMessageContaining("invalid port");
        assertThatThrownBy(() -> Nameserver.parse(" ")).hasMessageContaining("empty");
    }
}
