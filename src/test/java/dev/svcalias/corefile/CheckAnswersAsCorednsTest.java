package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, item 15: {@code corefile check} answers as CoreDNS answers on the shapes the trial found, with and
 * without a version. Each refusal below was seen from the real binaries of 1.1.2, 1.6.2 and 1.14.7 (the testbed's
 * builds, run by hand on these exact blocks; CorefileFuzzRealIT repeats the four named shapes against 1.14.7 on
 * every run): "Wrong argument count or unexpected line ending after 'forward'", "address 99999: invalid port",
 * "wrong value for pods: sometimes", "unknown property '{'". The near misses load in all three.
 */
class CheckAnswersAsCorednsTest {
    private static String block(String body) {
        return ".:53 {\n    " + body.replace("\\n", "\n") + "\n}\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "forward|line 2, column 5: plugin 'forward' needs",
            "forward .|line 2, column 5: plugin 'forward' needs",
            "forward . {\\n        force_tcp\\n    }|line 2, column 5: plugin 'forward' needs",
            "grpc .|line 2, column 5: plugin 'grpc' needs",
            "kubernetes cluster.local {\\n        pods sometimes\\n    }|line 3, column 14: 'sometimes' is not a "
                    + "value of 'pods' (plugin 'kubernetes' takes one of: disabled, verified, insecure)",
            "kubernetes cluster.local {\\n        pods\\n    }|line 3, column 9: 'pods' of plugin 'kubernetes'",
            "forward . 1.1.1.1 {\\n        policy fastest\\n    }|'fastest' is not a value of 'policy'",
            "forward . 1.1.1.1 {\\n        {\\n    }\\n    }|line 3, column 9: unknown property '{' of plugin"
                    + " 'forward'",
            "forward . 1.1.1.1 {\\n        force_tcp\\n        {\\n        }\\n    }|line 4, column 9: unknown "
                    + "property '{'",
            "hosts {\\n        {\\n        }\\n    }|line 3, column 9: unknown property '{' of plugin 'hosts'"})
    void aShapeEveryReleaseRefusesIsRefusedWithOrWithoutAVersion(String body, String message) {
        String text = block(body);
        assertThatThrownBy(() -> Corefiles.checkLoadable(text)).isInstanceOf(CorefileSyntaxException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> Corefiles.checkLoadable(text, CoreDnsVersion.parse("1.14.7")))
                .isInstanceOf(CorefileSyntaxException.class).hasMessageContaining(message);
    }

    @Test
    void proxyWithoutATargetIsRefusedWhereProxyExists() {
        String text = block("proxy .");
        assertThatThrownBy(() -> Corefiles.checkLoadable(text, CoreDnsVersion.parse("1.1.2")))
                .hasMessageStartingWith("line 2, column 5: plugin 'proxy' needs FROM and at least one TO");
        assertThatThrownBy(() -> Corefiles.checkLoadable(text)).hasMessageContaining("plugin 'proxy' needs");
    }

    /** Found by CorefileFuzzRealIT once it generated these shapes: ready and loop are plugin.ErrOnce too. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ready\n    ready :8182", "loop\n    loop"})
    void readyAndLoopTwiceInOneBlockAreRefused(String body) {
        assertThatThrownBy(() -> Corefiles.checkLoadable(block(body))).hasMessageStartingWith("line 3, column 5: plugin '")
                .hasMessageContaining("appears a second time in one server block");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".:99999", ".:65536", ".:-1", "example.org:99999", "dns://.:99999", ".:53 .:70000"})
    void aPortNoSocketCanHaveIsRefused(String keys) {
        String text = keys + " {\n    whoami\n}\n";
        assertThatThrownBy(() -> Corefiles.checkLoadable(text)).isInstanceOf(CorefileSyntaxException.class)
                .hasMessageContaining("is not a valid port (0 to 65535); CoreDNS refuses it (\"invalid port\")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".:65535 {\n    whoami\n}\n", ".:0 {\n    whoami\n}\n", ".:+5353 {\n    whoami\n}\n",
        "example.org:\"53 {\n    whoami\n}\n",
        ".:53 {\n    forward . 1.1.1.1 {\n    }\n}\n",
        ".:53 {\n    forward . 1.1.1.1 8.8.8.8 {\n        policy sequential\n    }\n}\n",
        ".:53 {\n    kubernetes cluster.local {\n        pods insecure\n    }\n}\n",
        ".:53 {\n    grpc . 127.0.0.1:8053\n}\n"})
    void nearMissesStillPass(String text) {
        assertThatCode(() -> Corefiles.checkLoadable(text)).doesNotThrowAnyException();
        assertThatCode(() -> Corefiles.checkLoadable(text, CoreDnsVersion.parse("1.14.7")))
                .doesNotThrowAnyException();
    }
}
