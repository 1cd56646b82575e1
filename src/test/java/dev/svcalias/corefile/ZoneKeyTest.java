package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys compare as CoreDNS compares them (register.go, transport.go). */
class ZoneKeyTest {
    @ParameterizedTest
    @CsvSource({
            "Internal, dns, internal., 53",
            "internal., dns, internal., 53",
            "dns://internal:53, dns, internal., 53",
            "internal:53, dns, internal., 53",
            "INTERNAL.:53, dns, internal., 53",
            "'internal,', dns, internal., 53",
            ".:5353, dns, ., 5353",
            "., dns, ., 53",
            "dns://.:53, dns, ., 53",
            "tls://internal, tls, internal., 853",
            "grpc://internal, grpc, internal., 443",
            "https://internal:8443, https, internal., 8443",
            "quic://internal, quic, internal., 853"})
    void normalises(String key, String scheme, String zone, int port) {
        ZoneKey k = ZoneKey.parse(key);
        assertThat(k.scheme()).isEqualTo(scheme);
        assertThat(k.zone()).isEqualTo(zone);
        assertThat(k.port()).isEqualTo(port);
        assertThat(k.placeholder()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({".:{$PORT}, ., -1", "{$ZONE}:53, {$zone}., 53", "{%ZONE%}, {%zone%}., 53"})
    void placeholdersAreMarked(String key, String zone, int port) {
        ZoneKey k = ZoneKey.parse(key);
        assertThat(k.placeholder()).isTrue();
        assertThat(k.zone()).isEqualTo(zone);
        assertThat(k.port()).isEqualTo(port);
    }

    @ParameterizedTest
    @CsvSource({"Internal, true", "internal:53, true", "dns://internal., true", "internal:1053, false",
            "tls://internal, false", "grpc://internal:53, false", "internal.example, false"})
    void collisions(String key, boolean collides) {
        assertThat(ZoneKey.parse(key).collidesWith("internal.", 53)).isEqualTo(collides);
    }
}
