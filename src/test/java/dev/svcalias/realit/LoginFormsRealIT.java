package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.TestConnectors;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.ConnectProxy;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way people log in, against the testbed's real kube-apiserver: svcalias runs {@code alias list} (or reads
 * through a connection) and the API server's audit log must show the request under the expected user, sent by
 * svcalias.
 */
class LoginFormsRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    private static final String V1 = "client.authentication.k8s.io/v1";
    private static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";
    @TempDir
    Path dir;

    @Test
    void clientCertificatesFromFilesAndInlineDataRsaAndEcPkcs1AndPkcs8() throws Exception {
        for (String form : List.of("rsa-pkcs8", "rsa-pkcs1", "ec-sec1", "ec-pkcs8")) {
            Path[] certAndKey = CLUSTER.clientCertificate("cert", form, "system:masters");
            listsAs("cert-" + form, Map.of(), kubeconfig("""
                    client-certificate: %s
                        client-key: %s""".formatted(certAndKey[0], certAndKey[1]), ""));
            listsAs("cert-" + form, Map.of(), kubeconfig("""
                    client-certificate-data: %s
                        client-key-data: %s""".formatted(base64(certAndKey[0]), base64(certAndKey[1])), ""));
        }
    }

    @Test
    void aStaticTokenAndATokenFileReadAgainWhenItChanges() throws Exception {
        listsAs("token-user", Map.of(), kubeconfig("token: " + CLUSTER.staticToken("token-user"), ""));
        Path tokenFile = Files.writeString(dir.resolve("token"), CLUSTER.staticToken("token-user") + "\n");
        Path kubeconfig = kubeconfig("tokenFile: " + tokenFile, "");
        listsAs("token-user", Map.of(), kubeconfig);
        try (Cluster cluster = TestConnectors.of(Map.of(), dir, Duration.ofSeconds(20)).connect(kubeconfig.toString(),
                null)) {
            int before = requestsBy("token-user-2");
            assertThat(cluster.services().namespaceExists("kube-system")).isTrue();
            Files.writeString(tokenFile, CLUSTER.staticToken("token-user-2"));
            assertThat(cluster.services().namespaceExists("kube-system")).isTrue();
            assertThat(requestsBy("token-user-2")).isEqualTo(before + 1);
        }
    }

    @Test
    void execPluginsV1AndV1beta1ReturningATokenCachedUntilItExpires() throws Exception {
        Path plugin = plugin();
        for (String version : List.of(V1, V1BETA1)) {
            Path runs = dir.resolve("runs-" + version.replace('/', '-'));
            String exec = """
                    exec:
                          apiVersion: %s
                          command: %s
                          args: [token, %s]
                          env: [{name: PLUGIN_TOKEN, value: "%s"}, {name: PLUGIN_EXPIRES, value: "%s"}]
                          interactiveMode: Never
                          provideClusterInfo: true""".formatted(version, plugin, runs,
                    CLUSTER.staticToken("token-user"), Instant.now().plusSeconds(3600));
            listsAs("token-user", Map.of(), kubeconfig(exec, ""));
            // one run for the whole command: alias list makes several requests
            assertThat(Files.readAllLines(runs)).hasSize(1);
            JsonNode info = JsonMapper.shared().readTree(Files.readString(dir.resolve("runs-info")));
            assertThat(info.get("apiVersion").asString()).isEqualTo(version);
            assertThat(info.get("spec").get("interactive").asBoolean()).isFalse();
            assertThat(info.get("spec").get("cluster").get("server").asString()).isEqualTo(CLUSTER.apiServerUrl());
            assertThat(info.get("spec").get("cluster").get("certificate-authority-data").asString())
                    .isEqualTo(base64(CLUSTER.caCert()));
        }
        // a credential that has expired is asked for again at the next request
        Path runs = dir.resolve("runs-expired");
        listsAs("token-user", Map.of(), kubeconfig("""
                exec:
                      apiVersion: %s
                      command: %s
                      args: [token, %s]
                      env: [{name: PLUGIN_TOKEN, value: "%s"}, {name: PLUGIN_EXPIRES, value: "%s"}]
                      interactiveMode: Never""".formatted(V1, plugin, runs, CLUSTER.staticToken("token-user"),
                Instant.now().minusSeconds(1)), ""));
        assertThat(Files.readAllLines(runs).size()).isGreaterThan(1);
    }

    @Test
    void execPluginsV1AndV1beta1ReturningAClientCertificate() throws Exception {
        Path plugin = plugin();
        Path[] certAndKey = CLUSTER.clientCertificate("exec-cert", "rsa-pkcs8", "system:masters");
        for (String version : List.of(V1, V1BETA1)) {
            listsAs("exec-cert-rsa-pkcs8", Map.of(), kubeconfig("""
                    exec:
                          apiVersion: %s
                          command: %s
                          args: [cert, %s, %s, %s]
                          interactiveMode: Never""".formatted(version, plugin, dir.resolve("cert-runs"),
                    certAndKey[0], certAndKey[1]), ""));
        }
    }

    @Test
    void inClusterWithATokenFromTheTokenRequestApi() throws Exception {
        CLUSTER.client().serviceAccounts().inNamespace("default").resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("svcalias").endMetadata().build()).create();
        CLUSTER.client().rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                .withName("svcalias-sa-admin").endMetadata().withNewRoleRef("rbac.authorization.k8s.io",
                        "ClusterRole", "cluster-admin").addNewSubject().withKind("ServiceAccount").withName("svcalias")
                .withNamespace("default").endSubject().build()).create();
        String token = CLUSTER.client().serviceAccounts().inNamespace("default").withName("svcalias")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
        Path account = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(account.resolve("token"), token);
        Files.copy(CLUSTER.caCert(), account.resolve("ca.crt"));
        Files.writeString(account.resolve("namespace"), "default");
        String port = CLUSTER.apiServerUrl().substring(CLUSTER.apiServerUrl().lastIndexOf(':') + 1);
        Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT", port);
        int before = requestsBy("system:serviceaccount:default:svcalias");
        CliRun run = CliRun.runWith(TestConnectors.of(env, account, Duration.ofSeconds(20)), env, "", "alias", "list");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(requestsBy("system:serviceaccount:default:svcalias")).isGreaterThan(before);
    }

    @Test
    void proxyUrlAndHttpsProxyGoThroughAConnectProxyAndNoProxyBypassesIt() throws Exception {
        String token = "token: " + CLUSTER.staticToken("token-user");
        try (ConnectProxy proxy = new ConnectProxy()) {
            listsAs("token-user", Map.of(), kubeconfig(token, "proxy-url: " + proxy.url()));
            assertThat(proxy.targets()).isNotEmpty().allMatch(t -> t.equals(CLUSTER.apiServerUrl().substring(8)));
            // a name only the proxy knows, so only a request through it arrives; the certificate is for localhost
            String port = CLUSTER.apiServerUrl().substring(CLUSTER.apiServerUrl().lastIndexOf(':') + 1);
            Path named = kubeconfig(token, "tls-server-name: localhost", "https://kube.svcalias.test:" + port);
            listsAs("token-user", Map.of("HTTPS_PROXY", proxy.url()), named);
            assertThat(proxy.targets()).contains("kube.svcalias.test:" + port);
            int through = proxy.targets().size();
            CliRun bypassed = run(Map.of("HTTPS_PROXY", proxy.url(), "NO_PROXY", ".svcalias.test"), named);
            assertThat(bypassed.exitCode()).as(bypassed.toString()).isEqualTo(4);
            assertThat(bypassed.err()).contains("kube.svcalias.test");
            assertThat(proxy.targets()).hasSize(through);
        }
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun refused = run(Map.of(), kubeconfig(token, "proxy-url: http://127.0.0.1:" + closed));
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.err()).contains("through proxy http://127.0.0.1:" + closed).contains("fix:");
    }

    @Test
    void severalKubeconfigFilesMergeAsKubectlMergesThemAndContextPicksOne() throws Exception {
        Path first = Files.writeString(dir.resolve("first"), """
                apiVersion: v1
                kind: Config
                current-context: merged
                contexts:
                - name: merged
                  context: {cluster: testbed, user: first-user}
                users:
                - name: first-user
                  user: {token: %s}
                """.formatted(CLUSTER.staticToken("token-user")));
        Path second = Files.writeString(dir.resolve("second"), """
                apiVersion: v1
                kind: Config
                current-context: other
                clusters:
                - name: testbed
                  cluster: {server: "%s", certificate-authority: %s}
                contexts:
                - name: merged
                  context: {cluster: testbed, user: second-user}
                - name: other
                  context: {cluster: testbed, user: second-user}
                users:
                - name: first-user
                  user: {token: not-the-right-token}
                - name: second-user
                  user: {token: %s}
                """.formatted(CLUSTER.apiServerUrl(), CLUSTER.caCert(), CLUSTER.staticToken("token-user-2")));
        Map<String, String> env = Map.of("KUBECONFIG", first + ":" + second);
        int before = requestsBy("token-user");
        CliRun merged = CliRun.runWith(TestConnectors.of(env, dir, Duration.ofSeconds(20)), env, "", "alias", "list");
        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        assertThat(requestsBy("token-user")).isGreaterThan(before);
        int beforeOther = requestsBy("token-user-2");
        CliRun other = CliRun.runWith(TestConnectors.of(env, dir, Duration.ofSeconds(20)), env, "", "alias", "list",
                "--context", "other");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(requestsBy("token-user-2")).isGreaterThan(beforeOther);
    }

    /** The test plugin: "token FILE" prints $PLUGIN_TOKEN until $PLUGIN_EXPIRES; "cert FILE CERT KEY" a cert. */
    private Path plugin() throws Exception {
        Path file = dir.resolve("test-credential-plugin");
        Files.writeString(file, """
                #!/bin/sh
                mode=$1; runs=$2
                echo run >> "$runs"
                printf '%%s' "$KUBERNETES_EXEC_INFO" > "%s"
                version=$(printf '%%s' "$KUBERNETES_EXEC_INFO" | sed 's/.*"apiVersion":"\\([^"]*\\)".*/\\1/')
                if [ "$mode" = token ]; then
                  printf '{"kind":"ExecCredential","apiVersion":"%%s","status":{"token":"%%s","expirationTimestamp":"%%s"}}' \\
                    "$version" "$PLUGIN_TOKEN" "$PLUGIN_EXPIRES"
                else
                  cert=$(awk '{printf "%%s\\\\n", $0}' "$3"); key=$(awk '{printf "%%s\\\\n", $0}' "$4")
                  printf '{"kind":"ExecCredential","apiVersion":"%%s","status":{"clientCertificateData":"%%s","clientKeyData":"%%s"}}' \\
                    "$version" "$cert" "$key"
                fi
                """.formatted(dir.resolve("runs-info")));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Path kubeconfig(String user, String cluster) throws Exception {
        return kubeconfig(user, cluster, CLUSTER.apiServerUrl());
    }

    private Path kubeconfig(String user, String cluster, String server) throws Exception {
        Path file = Files.createTempFile(dir, "kubeconfig-", "");
        return Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: testbed
                  cluster:
                    server: %s
                    certificate-authority: %s
                    %s
                users:
                - name: login
                  user:
                    %s
                contexts:
                - name: testbed
                  context: {cluster: testbed, user: login}
                current-context: testbed
                """.formatted(server, CLUSTER.caCert(), cluster, user));
    }

    private CliRun run(Map<String, String> env, Path kubeconfig) {
        Map<String, String> all = new HashMap<>(env);
        all.put("PATH", System.getenv("PATH"));
        return CliRun.runWith(TestConnectors.of(all, dir, Duration.ofSeconds(20)), all, "", "alias", "list",
                "--kubeconfig", kubeconfig.toString());
    }

    /** Runs alias list and checks that it succeeded and that the API server saw svcalias's requests as {@code user}. */
    private void listsAs(String user, Map<String, String> env, Path kubeconfig) throws Exception {
        int before = requestsBy(user);
        CliRun run = run(env, kubeconfig);
        assertThat(run.exitCode()).as(run + "\n" + Files.readString(kubeconfig)).isZero();
        assertThat(requestsBy(user)).as("requests by " + user).isGreaterThan(before);
    }

    /** Requests svcalias (its user agent) made as {@code user}, from the audit log. */
    private static int requestsBy(String user) throws Exception {
        int n = 0;
        for (String line : Files.readAllLines(CLUSTER.auditLog(), StandardCharsets.UTF_8)) {
            JsonNode event = JsonMapper.shared().readTree(line);
            if (user.equals(event.path("user").path("username").asString(""))
                    && event.path("userAgent").asString("").startsWith("svcalias/")) {
                n++;
            }
        }
        return n;
    }

    private static String base64(Path file) throws Exception {
        return java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }
}
