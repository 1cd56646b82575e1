package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code corefile check} with and without a CoreDNS version: plugins of one release only, properties of the
 * plugins svcalias writes or meets, and zone names. The plugin and property lists are those of plugin.cfg and
 * each plugin's setup.go at v1.1.2, v1.6.2 and v1.14.7; EditedCorefilesLoadRealIT and CorefileFuzzRealIT compare
 * with the real binaries.
 */
class LoadCheckVersionsTest {
    private static String block(String body) {
        return ".:53 {\n" + body + "}\n";
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "proxy . 1.1.1.1|1.6.2|plugin 'proxy' does not exist in CoreDNS 1.6.2 (removed in 1.5.0)",
            "proxy . 1.1.1.1|1.14.7|removed in 1.5.0",
            "grpc . 127.0.0.1:8053|1.1.2|plugin 'grpc' does not exist in CoreDNS 1.1.2 (added in 1.5.0)",
            "ready|1.1.2|added in 1.5.0",
            "loop|1.1.2|added in 1.2.1",
            "view example {\\n expr true\\n}|1.6.2|added in 1.10.0",
            "federation cluster.local {\\n prod prod.example\\n}|1.14.7|removed in 1.7.0",
            "reverse 10.0.0.0/8 {\\n hostname ip-{ip}.{zone[1]}\\n}|1.6.2|removed in 1.2.0"})
    void aPluginOneReleaseLacksIsRefusedForThatReleaseOnly(String line, String version, String message) {
        String text = block("    " + line.replace("\\n", "\n") + "\n");
        assertThatThrownBy(() -> Corefiles.checkLoadable(text, CoreDnsVersion.parse(version)))
                .isInstanceOf(CorefileSyntaxException.class).hasMessageContaining(message)
                .hasMessageStartingWith("line 2, column 5:");
        assertThatCode(() -> Corefiles.checkLoadable(text)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "forward . 1.1.1.1 {\\n        max_fail 3\\n    }|unknown property 'max_fail' of plugin 'forward'",
            "kubernetes cluster.local {\\n        pods verified\\n        upstraem\\n    }|unknown property 'upstraem'",
            "cache 30 {\\n        sucess 100\\n    }|unknown property 'sucess' of plugin 'cache'",
            "template IN A {\\n        answr \"a 5 IN A 1.2.3.4\"\\n    }|unknown property 'answr'",
            "health {\\n        lameduk 5s\\n    }|unknown property 'lameduk'",
            "log {\\n        clas denial\\n    }|unknown property 'clas'"})
    void aPropertyNoReleaseAcceptsIsRefusedWhateverTheVersion(String line, String message) {
        String text = block("    " + line.replace("\\n", "\n") + "\n");
        assertThatThrownBy(() -> Corefiles.checkLoadable(text)).isInstanceOf(CorefileSyntaxException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aPropertyIsJudgedByTheReleaseWhenOneIsGiven() {
        String serveStale = block("    cache 30 {\n        serve_stale\n    }\n");
        assertThatCode(() -> Corefiles.checkLoadable(serveStale)).doesNotThrowAnyException();
        assertThatCode(() -> Corefiles.checkLoadable(serveStale, CoreDnsVersion.parse("1.14.7")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Corefiles.checkLoadable(serveStale, CoreDnsVersion.parse("1.6.2")))
                .hasMessageContaining("unknown property 'serve_stale' of plugin 'cache' (CoreDNS 1.6.2 refuses it)");
        String upstream = block("    kubernetes cluster.local {\n        upstream\n    }\n");
        assertThatCode(() -> Corefiles.checkLoadable(upstream, CoreDnsVersion.parse("1.6.2")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Corefiles.checkLoadable(upstream, CoreDnsVersion.parse("1.14.7")))
                .hasMessageContaining("unknown property 'upstream'");
        // a release not read: the history of options decides (max_concurrent arrived in 1.6.8)
        String concurrent = block("    forward . 1.1.1.1 {\n        max_concurrent 100\n    }\n");
        assertThatThrownBy(() -> Corefiles.checkLoadable(concurrent, CoreDnsVersion.parse("1.6.7")))
                .hasMessageContaining("property 'max_concurrent' of plugin 'forward' does not exist in CoreDNS 1.6.7 "
                        + "(added in 1.6.8)");
        assertThatCode(() -> Corefiles.checkLoadable(concurrent, CoreDnsVersion.parse("1.9.0")))
                .doesNotThrowAnyException();
    }

    @Test
    void nestedBlocksInsideAPropertyAndHostsEntriesAreNotJudged() {
        assertThatCode(() -> Corefiles.checkLoadable(block("    hosts {\n        10.0.0.1 a.example\n"
                + "        fallthrough\n    }\n    forward . 1.1.1.1 {\n        policy sequential\n    }\n")))
                .doesNotThrowAnyException();
    }

    @Test
    void aSecondForwardIsRefusedOnlyForReleasesBefore194() {
        String two = block("    forward a.example 1.1.1.1\n    forward . 8.8.8.8\n");
        assertThatThrownBy(() -> Corefiles.checkLoadable(two, CoreDnsVersion.parse("1.6.2")))
                .hasMessageContaining("plugin 'forward' appears a second time");
        assertThatCode(() -> Corefiles.checkLoadable(two, CoreDnsVersion.parse("1.14.7"))).doesNotThrowAnyException();
        assertThatCode(() -> Corefiles.checkLoadable(two)).doesNotThrowAnyException();
    }

    @Test
    void aZoneWithAnEmptyLabelIsRefused() {
        assertThatThrownBy(() -> Corefiles.checkLoadable(".:53 {\n    whoami\n}\na..b.example:53 {\n    whoami\n}\n"))
                .hasMessage("line 4, column 1: 'a..b.example:53' is not a valid zone: the name 'a..b.example.' has an "
                        + "empty label (two dots in a row); CoreDNS refuses it");
        assertThatCode(() -> Corefiles.checkLoadable("10.0.0.0/8 {\n    whoami\n}\n")).doesNotThrowAnyException();
        // a stray '}' ends the root block early; the next line's 'prometheus :9153' is then read as keys
        assertThatThrownBy(() -> Corefiles.checkLoadable(".:53 {\n    whoami\n}\nprometheus :9153\ncache 30\n"))
                .hasMessageStartingWith("line 4, column 12: ':9153' is not a valid zone: it has no name before its port");
        assertThatCode(() -> Corefiles.checkLoadable("dns://.:53 {\n    whoami\n}\n")).doesNotThrowAnyException();
    }
}
