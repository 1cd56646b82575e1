package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.ClusterBuilder;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecConfigBuilder;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credential plugins run as kubectl runs them, as real processes (shell scripts written by each test). */
class ExecPluginTest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String credential(String version, String status) {
        return "cat <<EOF\n{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/" + version
                + "\",\"status\":" + status + "}\nEOF";
    }

    private ExecPlugin plugin(ExecConfig exec, Duration timeout) {
        return new ExecPlugin(exec, new ClusterBuilder().withServer("https://10.0.0.1:6443").build(),
                "user \"u\"", name -> name.equals("PATH") ? dir.toString() : null, timeout, Clock.systemUTC());
    }

    private static ExecConfigBuilder v1(String command) {
        return new ExecConfigBuilder().withApiVersion("client.authentication.k8s.io/v1").withCommand(command)
                .withInteractiveMode("Never");
    }

    @Test
    void argsEnvAndClusterInfoArePassedAndTheTokenIsCachedUntilItExpires() throws Exception {
        String future = Instant.now().plusSeconds(3600).toString();
        script("token-plugin", "echo run >> " + dir.resolve("runs") + "\nprintf '%s' \"$KUBERNETES_EXEC_INFO\" > "
                + dir.resolve("info") + "\n" + credential("v1", "{\"token\":\"$1-$TEAM\",\"expirationTimestamp\":\""
                + future + "\"}"));
        ExecPlugin plugin = plugin(v1("token-plugin").withArgs("eks").withEnv(new ExecEnvVar("TEAM", "dns"))
                .withProvideClusterInfo(true).build(), Duration.ofSeconds(20));
        assertThat(plugin.getToken()).isEqualTo("eks-dns");
        assertThat(plugin.getToken()).isEqualTo("eks-dns");
        assertThat(Files.readAllLines(dir.resolve("runs"))).hasSize(1);
        assertThat(plugin.get()).isNull();
        assertThat(Files.readString(dir.resolve("info"))).isEqualTo("{\"kind\":\"ExecCredential\",\"apiVersion\":"
                + "\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":false,\"cluster\":{\"server\":"
                + "\"https://10.0.0.1:6443\"}}}");
    }

    @Test
    void anExpiredCredentialIsAskedForAgainAndV1beta1RunsToo() throws Exception {
        String past = Instant.now().minusSeconds(1).toString();
        script("p", "echo run >> " + dir.resolve("runs") + "\n" + credential("v1beta1",
                "{\"token\":\"t\",\"expirationTimestamp\":\"" + past + "\"}"));
        ExecPlugin plugin = plugin(new ExecConfigBuilder().withApiVersion("client.authentication.k8s.io/v1beta1")
                .withCommand("p").build(), Duration.ofSeconds(20));
        plugin.getToken();
        plugin.getToken();
        assertThat(Files.readAllLines(dir.resolve("runs"))).hasSize(2);
    }

    @Test
    void aMissingPluginNamesTheCommandAndGivesTheInstallHint() {
        assertThatThrownBy(() -> plugin(v1("aws").withInstallHint("Install the AWS CLI:\nsee its docs").build(),
                Duration.ofSeconds(5)).getToken()).isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_ACCESS);
                    assertThat(e.getMessage()).isEqualTo("the exec credential plugin of user \"u\" runs executable "
                            + "aws, which was not found");
                    assertThat(e.hint()).isEqualTo("Install the AWS CLI: see its docs");
                });
    }

    @Test
    void aFailingPluginSaysWhatRanAndItsExitCode() throws Exception {
        script("login", "echo 'token expired' >&2\nexit 3");
        assertThatThrownBy(() -> plugin(v1("login").withArgs("get-token").build(), Duration.ofSeconds(20))
                .getToken()).isInstanceOfSatisfying(SvcaliasException.class, e -> assertThat(e.getMessage())
                .isEqualTo("the exec credential plugin of user \"u\" ran " + dir.resolve("login")
                        + " get-token, which failed with exit code 3 (its error output is above)"));
    }

    @Test
    void outputThatIsNoExecCredentialIsRefused() throws Exception {
        script("chatty", "echo 'Please log in at https://login.example'");
        script("wrong-version", credential("v1beta1", "{\"token\":\"t\"}"));
        script("empty", credential("v1", "{}"));
        for (List<String> c : List.of(List.of("chatty", "something other than an ExecCredential"),
                List.of("wrong-version", "returned version client.authentication.k8s.io/v1beta1"),
                List.of("empty", "neither a token nor a certificate and key"))) {
            assertThatThrownBy(() -> plugin(v1(c.get(0)).build(), Duration.ofSeconds(20)).getToken())
                    .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_ACCESS);
                        assertThat(e.getMessage()).contains(c.get(1));
                    });
        }
    }

    @Test
    void aPluginThatNeverAnswersIsStoppedAtTheTimeout() throws Exception {
        script("hang", "sleep 60");
        long start = System.nanoTime();
        assertThatThrownBy(() -> plugin(v1("hang").build(), Duration.ofSeconds(1)).getToken())
                .isInstanceOfSatisfying(SvcaliasException.class, e -> assertThat(e.getMessage())
                        .endsWith("hang, which did not answer within 1s"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void v1WithoutInteractiveModeIsRefusedAsKubectlRefusesIt() {
        assertThatThrownBy(() -> plugin(new ExecConfigBuilder().withApiVersion("client.authentication.k8s.io/v1")
                .withCommand("p").build(), Duration.ofSeconds(5))).isInstanceOfSatisfying(SvcaliasException.class,
                e -> assertThat(e.getMessage()).contains("has no interactiveMode"));
    }
}
