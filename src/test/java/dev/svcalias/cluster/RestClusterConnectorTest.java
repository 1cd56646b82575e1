package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which kubeconfigs take svcalias's own REST path, and which go to fabric8. */
class RestClusterConnectorTest {
    @TempDir
    Path dir;

    private Cluster connect(Map<String, String> env, String kubeconfig) throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, kubeconfig);
        return new RestClusterConnector(new Fabric8ClusterConnector(env::get, dir, Duration.ofSeconds(2),
                Duration.ofSeconds(5))).connect(file.toString(), null);
    }

    @Test
    void aTokenAndAServerTakeTheRestPath() throws IOException {
        try (Cluster c = connect(Map.of(), KubeconfigText.single("plain", "https://127.0.0.1:6443"))) {
            assertThat(c).isInstanceOf(RestCluster.class);
            assertThat(c.describe()).isEqualTo("context plain (https://127.0.0.1:6443)");
        }
    }

    @Test
    void anExecPluginAProxyOrAProxyVariableGoToFabric8() throws IOException {
        String exec = KubeconfigText.single("exec", "https://127.0.0.1:6443").replace("token: test-token",
                "exec: {apiVersion: client.authentication.k8s.io/v1, command: aws}");
        String proxy = KubeconfigText.single("proxy", "https://127.0.0.1:6443").replace("server: https",
                "proxy-url: http://proxy:3128\n    server: https");
        try (Cluster c = connect(Map.of(), exec)) {
            assertThat(c).isInstanceOf(Fabric8Cluster.class);
        }
        try (Cluster c = connect(Map.of(), proxy)) {
            assertThat(c).isInstanceOf(Fabric8Cluster.class);
        }
        try (Cluster c = connect(Map.of("HTTPS_PROXY", "http://proxy:3128"),
                KubeconfigText.single("plain", "https://127.0.0.1:6443"))) {
            assertThat(c).isInstanceOf(Fabric8Cluster.class);
        }
    }

    /**
     * fabric8 8.0.0 does not read tokenFile, so the fabric8 client a lean cluster builds on demand would send no
     * token: a command would write on the lean path and then fail with 401 on a fabric8 part. The whole command
     * goes to fabric8 instead, as before the lean path.
     */
    @Test
    void aTokenFileKubeconfigGoesWhollyToFabric8() throws IOException {
        Files.writeString(dir.resolve("token"), "file-token\n");
        String tokenFile = KubeconfigText.single("tf", "https://127.0.0.1:6443").replace("token: test-token",
                "tokenFile: token");
        try (Cluster c = connect(Map.of(), tokenFile)) {
            assertThat(c).isInstanceOf(Fabric8Cluster.class);
        }
    }

    /** The environment the connector was given decides, not the JVM's: a KUBERNETES_MASTER there goes to fabric8. */
    @Test
    void fabric8sOwnVariablesInTheGivenEnvironmentGoToFabric8() throws IOException {
        try (Cluster c = connect(Map.of("KUBERNETES_TRUST_CERTIFICATES", "true"),
                KubeconfigText.single("plain", "https://127.0.0.1:6443"))) {
            assertThat(c).isInstanceOf(Fabric8Cluster.class);
        }
        try (Cluster c = connect(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"),
                KubeconfigText.single("plain", "https://127.0.0.1:6443"))) {
            assertThat(c).isInstanceOf(RestCluster.class);
        }
    }

    @Test
    void theListOfFabric8SettingsIsFabric8sWhole() throws IllegalAccessException {
        java.util.Set<String> fabric8 = new java.util.TreeSet<>();
        for (java.lang.reflect.Field f : io.fabric8.kubernetes.client.Config.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())
                    && f.get(null) instanceof String v && v.startsWith("kubernetes.")) {
                fabric8.add(v.substring("kubernetes.".length()));
            }
        }
        assertThat(new java.util.TreeSet<>(RestTarget.FABRIC8_SETTINGS)).isEqualTo(fabric8);
    }

    /** insecure-skip-tls-verify as a string ("true" quoted) is fabric8's to read, as before the lean path. */
    @Test
    void aNonBooleanInsecureSkipTlsVerifyGoesToFabric8() throws IOException {
        String quoted = KubeconfigText.single("q", "https://127.0.0.1:6443").replace("server: https",
                "insecure-skip-tls-verify: \"true\"\n    server: https");
        try (Cluster c = connect(Map.of(), quoted)) {
            assertThat(c).isInstanceOf(Fabric8Cluster.class);
        }
    }
}
