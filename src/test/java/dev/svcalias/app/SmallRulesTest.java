package dev.svcalias.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallRulesTest {
    @Test
    void imageTagsGiveVersions() {
        assertThat(ImageVersions.fromImage("coredns/coredns:1.6.2")).hasValueSatisfying(
                v -> assertThat(v.toString()).contains("1.6.2"));
        assertThat(ImageVersions.fromImage("my.registry:5000/eks/coredns:v1.8.7-eksbuild.4")).isPresent();
        assertThat(ImageVersions.fromImage("my.registry:5000/coredns")).isEmpty();
        assertThat(ImageVersions.fromImage("coredns/coredns:latest")).isEmpty();
        assertThat(ImageVersions.fromImage(null)).isEmpty();
    }

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
