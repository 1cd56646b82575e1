package dev.svcalias.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetRefTest {
    private static final TargetRef FRUITS = new TargetRef("fruits-api-service", "micro-shake-factory");

    @Test
    void acceptsTheThreeForms() {
        assertThat(TargetRef.parse("fruits-api-service.micro-shake-factory", null, "cluster.local")).isEqualTo(FRUITS);
        assertThat(TargetRef.parse("fruits-api-service.micro-shake-factory.svc.cluster.local", null, "cluster.local"))
                .isEqualTo(FRUITS);
        assertThat(TargetRef.parse("fruits-api-service", "micro-shake-factory", "cluster.local")).isEqualTo(FRUITS);
        assertThat(FRUITS.fqdn("cluster.local")).isEqualTo("fruits-api-service.micro-shake-factory.svc.cluster.local");
    }

    @Test
    void explainsWhatIsMissingOrContradictory() {
        assertThatThrownBy(() -> TargetRef.parse("fruits-api-service", null, "cluster.local"))
                .hasMessageContaining("has no namespace");
        assertThatThrownBy(() -> TargetRef.parse("fruits-api-service.a", "b", "cluster.local"))
                .hasMessageContaining("-n says b");
        assertThatThrownBy(() -> TargetRef.parse("a.b.c", null, "cluster.local"))
                .hasMessageContaining("is not SERVICE.NAMESPACE");
    }
}
