package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The error translator, fed by a mock that answers like a real API server (expectations mode) and by servers that
 * refuse or never answer: exit 4 with one line naming the problem, 409 as a conflict, the rest as exit 5.
 */
class ApiErrorsTest {
    private static final String CM_PATH = "/api/v1/namespaces/kube-system/configmaps/coredns";
    @TempDir
    Path dir;
    private MockApi api;

    @BeforeEach
    void start() {
        api = MockApi.expectations();
        api.server.expect().get().withPath(CM_PATH).andReturn(200, new ConfigMapBuilder().withNewMetadata()
                .withName("coredns").withNamespace("kube-system").withResourceVersion("7").endMetadata()
                .addToData("Corefile", ".:53 {\n}\n").build()).always();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** A Status body as kube-apiserver sends it. */
    private static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
                .build();
    }

    private static void exit4(ThrowingCallable call, Consumer<SvcaliasException> more) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SvcaliasException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_ACCESS);
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
            assertThat(e.hint()).isNotBlank().doesNotContain("\n");
            more.accept(e);
        });
    }

    private CorefileSnapshot read() {
        return api.cluster.corefiles().read(new ConfigMapRef("kube-system", "coredns")).orElseThrow();
    }

    @Test
    void forbiddenNamesVerbResourceNamespaceAndUser() {
        api.server.expect().put().withPath(CM_PATH).andReturn(403, status(403, "Forbidden", "configmaps \"coredns\" "
                + "is forbidden: User \"ci-bot\" cannot update resource \"configmaps\" in API group \"\" in the "
                + "namespace \"kube-system\"")).always();
        CorefileSnapshot read = read();

        exit4(() -> api.cluster.corefiles().write(read, "x\n", false), e -> {
            assertThat(e.getMessage()).isEqualTo("forbidden: cannot update configmaps in namespace kube-system "
                    + "(user \"ci-bot\")");
            assertThat(e.hint()).isEqualTo("grant \"update\" on \"configmaps\" in kube-system; see docs/rbac.md");
        });
    }

    @Test
    void forbiddenClusterWideAndInAnApiGroup() {
        api.server.expect().get().withPath("/api/v1/nodes").andReturn(403, status(403, "Forbidden", "nodes is "
                + "forbidden: User \"system:serviceaccount:ci:deployer\" cannot list resource \"nodes\" in API group "
                + "\"\" at the cluster scope")).always();
        exit4(() -> api.cluster.services().nodeProviderIds(), e -> {
            assertThat(e.getMessage()).isEqualTo("forbidden: cannot list nodes cluster-wide (user "
                    + "\"system:serviceaccount:ci:deployer\")");
            assertThat(e.hint()).isEqualTo("grant \"list\" on \"nodes\" cluster-wide; see docs/rbac.md");
        });

        api.server.expect().post().withPath("/api/v1/namespaces/default/pods").andReturn(403, status(403,
                "Forbidden", "pods is forbidden: User \"ci-bot\" cannot create resource \"pods\" in API group \"\" in "
                        + "the namespace \"default\"")).always();
        exit4(() -> api.cluster.probePods().run("default", "busybox:1.36", List.of("true"), Duration.ofSeconds(1)),
                e -> assertThat(e.getMessage()).isEqualTo("forbidden: cannot create pods in namespace default "
                        + "(user \"ci-bot\")"));
    }

    @Test
    void forbiddenServiceEntriesNameTheirGroup() {
        api.server.expect().get().withPath("/apis/networking.istio.io").andReturn(403, status(403, "Forbidden",
                "forbidden: User \"ci-bot\" cannot get path \"/apis/networking.istio.io\"")).always();
        exit4(() -> api.cluster.serviceEntries().servedVersion(), e -> assertThat(e.getMessage())
                .startsWith("forbidden: discover networking.istio.io: ").contains("ci-bot"));

        ApiErrors errors = new ApiErrors("https://api.example:6443");
        RuntimeException e = errors.translate("list serviceentries", new io.fabric8.kubernetes.client
                .KubernetesClientException(status(403, "Forbidden", "serviceentries.networking.istio.io is forbidden:"
                + " User \"ci-bot\" cannot list resource \"serviceentries\" in API group \"networking.istio.io\" at "
                + "the cluster scope")));
        assertThat(e).hasMessage("forbidden: cannot list serviceentries.networking.istio.io cluster-wide (user "
                + "\"ci-bot\")");
    }

    @Test
    void unauthenticatedIsExit4() {
        api.server.expect().get().withPath("/api/v1/namespaces/shop/services/fruits").andReturn(401, status(401,
                "Unauthorized", "Unauthorized")).always();
        exit4(() -> api.cluster.services().service("shop", "fruits"), e -> assertThat(e.getMessage())
                .isEqualTo("unauthenticated: the API server at " + api.url() + " rejected the credentials of this "
                        + "kube context (HTTP 401)"));
    }

    @Test
    void aConflictStatusIsAConflictException() {
        api.server.expect().put().withPath(CM_PATH).andReturn(409, status(409, "Conflict", "Operation cannot be "
                + "fulfilled on configmaps \"coredns\": the object has been modified; please apply your changes to "
                + "the latest version and try again")).always();
        CorefileSnapshot read = read();
        assertThatThrownBy(() -> api.cluster.corefiles().write(read, "x\n", false))
                .isInstanceOf(ConflictException.class)
                .hasMessage("configmap kube-system/coredns was changed by someone else since svcalias read it");
    }

    @Test
    void otherFailuresAreExit5WithTheServersMessageOnOneLine() {
        api.server.expect().put().withPath(CM_PATH).andReturn(422, status(422, "Invalid", "ConfigMap \"coredns\" "
                + "is invalid:\n field is immutable when `immutable` is set")).always();
        CorefileSnapshot read = read();
        assertThatThrownBy(() -> api.cluster.corefiles().write(read, "x\n", false))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
                    assertThat(e.getMessage()).isEqualTo("update configmap kube-system/coredns failed (HTTP 422): "
                            + "ConfigMap \"coredns\" is invalid: field is immutable when `immutable` is set");
                });
    }

    @Test
    void aConflictOnAReadIsExit5NotARetry() {
        api.server.expect().get().withPath("/api/v1/namespaces/shop/services/fruits").andReturn(409, status(409,
                "Conflict", "the server is busy with another request")).always();
        assertThatThrownBy(() -> api.cluster.services().service("shop", "fruits"))
                .isNotInstanceOf(ConflictException.class)
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
                    assertThat(e.getMessage()).isEqualTo("get service shop/fruits failed (HTTP 409): the server is "
                            + "busy with another request");
                    assertThat(e.hint()).contains("run the command again");
                });
    }

    @Test
    void anAnswerThatIsNotAKubernetesObjectIsExit5() {
        api.server.expect().get().withPath("/api/v1/namespaces/shop/services/fruits").andReturn(200,
                "<html><body>Please log in</body></html>").always();
        assertThatThrownBy(() -> api.cluster.services().service("shop", "fruits"))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
                    assertThat(e.getMessage()).startsWith("get service shop/fruits failed: the API server at "
                            + api.url() + " answered with a body that is not a Kubernetes object (")
                            .doesNotContain("\n");
                    assertThat(e.hint()).contains("not a proxy or a login page");
                });
    }

    @Test
    void aDeleteAnsweredWithSomethingElseIsCheckedAndRefused() {
        String path = "/apis/networking.istio.io/v1/namespaces/shop/serviceentries/fruits.internal";
        api.server.expect().get().withPath("/apis/networking.istio.io").andReturn(200, new io.fabric8.kubernetes.api
                .model.APIGroupBuilder().withName("networking.istio.io").addNewVersion().withGroupVersion(
                "networking.istio.io/v1").withVersion("v1").endVersion().build()).always();
        api.server.expect().get().withPath("/apis/networking.istio.io/v1").andReturn(200, new io.fabric8.kubernetes
                .api.model.APIResourceListBuilder().withGroupVersion("networking.istio.io/v1").addNewResource()
                .withName("serviceentries").withKind("ServiceEntry").withNamespaced(true).endResource().build())
                .always();
        api.server.expect().delete().withPath(path).andReturn(200, "<html><body>Please log in</body></html>")
                .always();
        api.server.expect().get().withPath(path).andReturn(200, new io.fabric8.kubernetes.api.model
                .GenericKubernetesResourceBuilder().withApiVersion("networking.istio.io/v1").withKind("ServiceEntry")
                .withNewMetadata().withName("fruits.internal").withNamespace("shop").withResourceVersion("5")
                .endMetadata().build()).always();
        assertThatThrownBy(() -> api.cluster.serviceEntries().delete("shop", "fruits.internal", "5"))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
                    assertThat(e.getMessage()).isEqualTo("the API server answered the delete of serviceentry "
                            + "shop/fruits.internal as done, but serviceentry shop/fruits.internal is still there");
                });
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Cluster cluster = connect("http://127.0.0.1:" + port, Duration.ofSeconds(5))) {
            exit4(() -> cluster.services().service("shop", "fruits"), e -> {
                assertThat(e.getMessage()).isEqualTo("cannot reach the Kubernetes API server at http://127.0.0.1:"
                        + port + ": connection refused");
                assertThat(e.hint()).contains("kubectl cluster-info");
            });
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accept, never answer
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            try (Cluster cluster = connect("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(700))) {
                exit4(() -> cluster.corefiles().read(new ConfigMapRef("kube-system", "coredns")), e -> assertThat(
                        e.getMessage()).startsWith("cannot reach the Kubernetes API server at http://127.0.0.1:"
                        + silent.getLocalPort() + ": timed out"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private Cluster connect(String server, Duration requestTimeout) throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, KubeconfigText.single("ctx", server));
        return new Fabric8ClusterConnector(name -> null, dir, Duration.ofSeconds(2), requestTimeout)
                .connect(kubeconfig.toString(), null);
    }
}
