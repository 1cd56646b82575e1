package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the kubeconfig and context like kubectl, with an injected environment and home directory. */
class Fabric8ClusterConnectorTest {
    @TempDir
    Path dir;

    private Fabric8ClusterConnector connector(Map<String, String> env) {
        return new Fabric8ClusterConnector(env::get, dir.resolve("home"), Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void nothingConfiguredIsExit4InOneLine() {
        assertThatThrownBy(() -> connector(Map.of()).connect(null, null))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_ACCESS);
                    assertThat(e.getMessage()).isEqualTo("no Kubernetes cluster configured: no --kubeconfig, "
                            + "$KUBECONFIG or ~/.kube/config");
                    assertThat(e.hint()).isEqualTo("point --kubeconfig at a kubeconfig or set a context with kubectl "
                            + "config use-context");
                });
    }

    @Test
    void anUnknownContextIsExit2NamingTheContexts() throws IOException {
        Path kc = write("kc", KubeconfigText.single("prod", "https://prod.example:6443"));
        assertThatThrownBy(() -> connector(Map.of()).connect(kc.toString(), "staging"))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("context \"staging\" is not in " + kc);
                    assertThat(e.hint()).isEqualTo("use one of: prod");
                });
    }

    @Test
    void aMissingKubeconfigFileIsExit2() {
        assertThatThrownBy(() -> connector(Map.of()).connect(dir.resolve("nope").toString(), null))
                .isInstanceOfSatisfying(SvcaliasException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aKubeconfigWithoutCurrentContextNeedsOne() throws IOException {
        Path kc = write("kc", KubeconfigText.single("prod", "https://prod.example:6443")
                .replace("current-context: prod", ""));
        assertThatThrownBy(() -> connector(Map.of()).connect(kc.toString(), null))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_ACCESS);
                    assertThat(e.hint()).contains("one of: prod");
                });
    }

    @Test
    void kubeconfigEnvThenHomeAndTheContextFlag() throws IOException {
        Path fromEnv = write("env/config", KubeconfigText.single("from-env", "https://env.example:6443"));
        write("home/.kube/config", KubeconfigText.single("from-home", "https://home.example:6443"));

        try (Cluster c = connector(Map.of("KUBECONFIG", dir.resolve("missing") + java.io.File.pathSeparator
                + fromEnv)).connect(null, null)) {
            assertThat(c.describe()).isEqualTo("context from-env (https://env.example:6443)");
        }
        try (Cluster c = connector(Map.of()).connect(null, "from-home")) {
            assertThat(c.describe()).isEqualTo("context from-home (https://home.example:6443)");
        }
    }

    @Test
    void talksToTheServerTheKubeconfigNames() throws IOException {
        try (MockApi api = MockApi.crud()) {
            api.namespaces("kube-system");
            api.admin.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("coredns").endMetadata().addToData("Corefile", ".:53 {\n}\n").build()).create();
            Path kc = write("kc", KubeconfigText.single("mock", api.url()));
            try (Cluster c = connector(Map.of()).connect(kc.toString(), "mock")) {
                assertThat(c.describe()).isEqualTo("context mock (" + api.url() + ")");
                assertThat(c.corefiles().read(new ConfigMapRef("kube-system", "coredns")).orElseThrow().corefile())
                        .isEqualTo(".:53 {\n}\n");
            }
        }
    }

    @Test
    void aKubeconfigListIsMergedLikeKubectl() throws IOException {
        Path first = write("a/config", KubeconfigText.single("first", "https://first.example:6443"));
        Path second = write("b/config", KubeconfigText.single("second", "https://second.example:6443"));
        String list = first + java.io.File.pathSeparator + second;
        // fabric8 reads the list itself, from the "kubeconfig" system property before $KUBECONFIG
        String saved = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", list);
        try {
            try (Cluster c = connector(Map.of("KUBECONFIG", list)).connect(null, null)) {
                assertThat(c.describe()).isEqualTo("context first (https://first.example:6443)");
            }
            try (Cluster c = connector(Map.of("KUBECONFIG", list)).connect(null, "second")) {
                assertThat(c.describe()).isEqualTo("context second (https://second.example:6443)");
            }
            assertThatThrownBy(() -> connector(Map.of("KUBECONFIG", list)).connect(null, "third"))
                    .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("context \"third\" is not in $KUBECONFIG (2 files)");
                        assertThat(e.hint()).isEqualTo("use one of: first, second");
                    });
        } finally {
            if (saved == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", saved);
            }
        }
    }
}
