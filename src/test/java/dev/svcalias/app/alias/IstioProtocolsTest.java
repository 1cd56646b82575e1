package dev.svcalias.app.alias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IstioProtocolsTest {
    @Test
    void portProtocolsFollowIstiosPortNaming() {
        assertThat(IstioProtocols.fromPortName("http")).isEqualTo("HTTP");
        assertThat(IstioProtocols.fromPortName("http-fruits-api-service")).isEqualTo("HTTP");
        assertThat(IstioProtocols.fromPortName("grpc-web-x")).isEqualTo("GRPC-Web");
        assertThat(IstioProtocols.fromPortName("https")).isEqualTo("HTTPS");
        assertThat(IstioProtocols.fromPortName("metrics")).isEqualTo("TCP");
        assertThat(IstioProtocols.fromPortName(null)).isEqualTo("TCP");
    }
}
