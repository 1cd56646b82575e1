package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesKubectlDurations() {
        assertThat(Durations.parse("--timeout", "3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(Durations.parse("--timeout", "1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("--timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> Durations.parse("--timeout", "3")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("--timeout", "3m junk")).hasMessageContaining("not a duration");
    }
}
