package dev.svcalias.app.mode;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.SvcaliasException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small rules of the modes: --mode parsing, auto's choice, DNS capture in the mesh config. */
class ModeRulesTest {
    @Test
    void modeNames() {
        assertThat(ModeName.parse("auto")).isNull();
        assertThat(ModeName.parse("CoreDNS")).isEqualTo(ModeName.COREDNS);
        assertThat(ModeName.parse("istio")).isEqualTo(ModeName.ISTIO);
        assertThatThrownBy(() -> ModeName.parse("kube-dns")).isInstanceOf(SvcaliasException.class)
                .hasMessageContaining("--mode kube-dns");
    }

    @Test
    void autoPrefersIstiocorednsThenIstiodThenCoredns() {
        Optional<String> none = Optional.empty();
        assertThat(facts(Optional.of("svc"), Optional.of("istiod")).auto()).isEqualTo(ModeName.ISTIOCOREDNS);
        assertThat(facts(none, Optional.of("istiod")).auto()).isEqualTo(ModeName.ISTIO);
        assertThat(facts(none, none).auto()).isEqualTo(ModeName.COREDNS);
    }

    private static SetupFacts facts(Optional<String> istiocoredns, Optional<String> istiod) {
        return new SetupFacts(istiocoredns, istiod, Optional.empty(), "configmap istio-system/istio (mesh)",
                Optional.empty());
    }

    @Test
    void dnsCaptureIsReadFromTheMeshConfigsProxyMetadata() {
        assertThat(SetupFacts.capture("""
                defaultConfig:
                  proxyMetadata:
                    ISTIO_META_DNS_CAPTURE: "true"
                """)).isTrue();
        assertThat(SetupFacts.capture("defaultConfig:\n  proxyMetadata:\n    ISTIO_META_DNS_CAPTURE: 'false'\n"))
                .isFalse();
        assertThat(SetupFacts.capture("defaultConfig:\n  proxyMetadata:\n    ISTIO_META_DNS_AUTO_ALLOCATE: \"true\"\n"))
                .isFalse();
        assertThat(SetupFacts.capture("")).isFalse();
    }
}
