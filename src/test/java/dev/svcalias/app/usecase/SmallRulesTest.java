package dev.svcalias.app.usecase;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallRulesTest {
    @Test
    void cloudZonesAreDetectedFromProviderIds() {
        assertThat(CloudProviders.shadowWarning("internal", List.of("gce://p/us-central1-a/n1"))).isPresent();
        assertThat(CloudProviders.shadowWarning("internal", List.of("aws:///us-east-1a/i-0abc"))).isPresent();
        assertThat(CloudProviders.shadowWarning("aliases.internal", List.of("gce://p/z/n"))).isEmpty();
        assertThat(CloudProviders.shadowWarning("internal", List.of("kind://docker/kind/kind-control-plane")))
                .isEmpty();
        assertThat(CloudProviders.shadowWarning("internal", List.of())).isEmpty();
    }
}
