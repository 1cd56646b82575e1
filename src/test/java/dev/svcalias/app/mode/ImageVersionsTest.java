package dev.svcalias.app.mode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageVersionsTest {
    @Test
    void imageTagsGiveVersions() {
        assertThat(ImageVersions.fromImage("coredns/coredns:1.6.2")).hasValueSatisfying(
                v -> assertThat(v.toString()).contains("1.6.2"));
        assertThat(ImageVersions.fromImage("my.registry:5000/eks/coredns:v1.8.7-eksbuild.4")).isPresent();
        assertThat(ImageVersions.fromImage("my.registry:5000/coredns")).isEmpty();
        assertThat(ImageVersions.fromImage("coredns/coredns:latest")).isEmpty();
        assertThat(ImageVersions.fromImage(null)).isEmpty();
    }
}
