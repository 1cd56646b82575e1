package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Version tags and which plugins and options a version has. */
class VersionsTest {
    private static final String OR_VERSION = ", or pass --coredns-version if the detected version is wrong";

    private static void check(String text, String version) {
        Corefiles.checkPluginsAvailable(text, CoreDnsVersion.parse(version));
    }

    @ParameterizedTest
    @CsvSource({"1.6.2,1.6.2", "v1.6.2,1.6.2", "1.8.4-eksbuild.1,1.8.4", "v1.8.7-eksbuild.21,1.8.7",
            "1.11.3-aks,1.11.3", "1.7,1.7.0", " 1.10.1 ,1.10.1", "CoreDNS-1.6.2,1.6.2", "1.2.3+build,1.2.3"})
    void versionsAreReadFromTags(String tag, String version) {
        assertThat(CoreDnsVersion.parse(tag).toString()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "", "1", "one.two.three", "1.6.2.4.5x", "1.6.x", "sha256:abc", "v", "-1.6.2"})
    void garbageVersionsAreRefusedInOneLine(String tag) {
        assertThatThrownBy(() -> CoreDnsVersion.parse(tag)).isExactlyInstanceOf(CorefileException.class)
                .hasMessage("'" + tag + "' is not a CoreDNS version; expected MAJOR.MINOR.PATCH as in an image tag, "
                        + "e.g. 1.6.2, v1.8.4-eksbuild.1");
        assertThatThrownBy(() -> CoreDnsVersion.parse(null)).isInstanceOf(CorefileException.class);
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(CoreDnsVersion.parse("1.10.0")).isGreaterThan(CoreDnsVersion.parse("1.9.4"));
        assertThat(CoreDnsVersion.parse("1.5.0")).isGreaterThan(CoreDnsVersion.parse("1.4.99"));
        assertThat(CoreDnsVersion.parse("v1.6.2")).isEqualByComparingTo(new CoreDnsVersion(1, 6, 2));
    }

    @Test
    void proxyIsGoneIn150() {
        String proxy = ".:53 {\n    errors\n    proxy . /etc/resolv.conf\n}\n";
        assertThatThrownBy(() -> check(proxy, "1.6.2")).isInstanceOf(UnsupportedPluginException.class)
                .hasMessage("line 3: plugin 'proxy' does not exist in CoreDNS 1.6.2 (removed in 1.5.0); replace it "
                        + "with 'forward' (and 'grpc' for a gRPC upstream) before svcalias edits this Corefile"
                        + OR_VERSION);
        assertThatCode(() -> check(proxy, "1.4.0")).doesNotThrowAnyException();
    }

    @Test
    void grpcArrivedIn150() {
        String grpc = ".:53 {\n    grpc . 127.0.0.1:8053\n}\n";
        assertThatThrownBy(() -> check(grpc, "1.1.2")).isInstanceOf(UnsupportedPluginException.class)
                .hasMessage("line 2: plugin 'grpc' does not exist in CoreDNS 1.1.2 (added in 1.5.0); replace it with "
                        + "'proxy ZONE ADDRESS { protocol grpc insecure }' before svcalias edits this Corefile"
                        + OR_VERSION);
        assertThatCode(() -> check(grpc, "1.5.0")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "reload|1.0.6|added in 1.1.0", "loop|1.2.0|added in 1.2.1", "ready|1.4.0|added in 1.5.0",
            "template|1.0.2|added in 1.0.3", "federation|1.7.0|removed in 1.7.0", "forward|1.0.4|added in 1.0.5"})
    void otherPluginsFollowPluginCfg(String plugin, String version, String when) {
        assertThatThrownBy(() -> check(".:53 {\n    " + plugin + "\n}\n", version))
                .hasMessageStartingWith("line 2: plugin '" + plugin + "' does not exist in CoreDNS " + version + " ("
                        + when + ")");
    }

    @Test
    void unknownPluginsAndImportsAreNotRefused() {
        assertThatCode(() -> check(".:53 {\n    my-external-plugin\n    import custom/*.override\n}\n", "1.1.2"))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(".:53 {\n    kubernetes cluster.local\n    hosts\n}\n", "0.9.9"))
                .doesNotThrowAnyException();
    }

    @Test
    void optionsThatCameAndWent() {
        String upstream = ".:53 {\n    kubernetes cluster.local {\n        pods insecure\n        upstream\n    }\n}\n";
        assertThatThrownBy(() -> check(upstream, "1.8.0")).hasMessage("line 4: option 'upstream' of plugin "
                + "'kubernetes' does not exist in CoreDNS 1.8.0 (removed in 1.7.0); remove that line before svcalias "
                + "edits this Corefile" + OR_VERSION);
        assertThatCode(() -> check(upstream, "1.6.2")).doesNotThrowAnyException();
        String maxConcurrent = ".:53 {\n    forward . /etc/resolv.conf {\n        max_concurrent 1000\n    }\n}\n";
        assertThatThrownBy(() -> check(maxConcurrent, "1.6.7")).hasMessageStartingWith("line 3: option "
                + "'max_concurrent' of plugin 'forward' does not exist in CoreDNS 1.6.7 (added in 1.6.8)");
        assertThatCode(() -> check(maxConcurrent, "1.6.8")).doesNotThrowAnyException();
        // an argument that happens to be spelt like an option is not an option
        assertThatCode(() -> check(".:53 {\n    kubernetes upstream\n}\n", "1.8.0")).doesNotThrowAnyException();
    }

    @Test
    void oncePerBlockPlugins() {
        String twoForwards = ".:53 {\n    forward a.example 10.0.0.1\n    forward . /etc/resolv.conf\n}\n";
        assertThatThrownBy(() -> check(twoForwards, "1.9.3")).isInstanceOf(UnsupportedPluginException.class)
                .hasMessage("line 3: plugin 'forward' appears a second time in one server block (first at line 2); "
                        + "CoreDNS 1.9.3 allows it once per server block: use a separate server block per zone"
                        + OR_VERSION);
        assertThatCode(() -> check(twoForwards, "1.9.4")).doesNotThrowAnyException();
        String twoGrpc = ".:53 {\n    grpc a 127.0.0.1:8053\n    grpc b 127.0.0.1:8053\n}\n";
        assertThatThrownBy(() -> check(twoGrpc, "1.14.0")).hasMessageStartingWith("line 3: plugin 'grpc' appears a "
                + "second time");
    }

    @Test
    void snippetsAreCheckedWhereTheyAreImported() {
        String snippet = "(upstreams) {\n    proxy . /etc/resolv.conf\n}\n";
        assertThatCode(() -> check(snippet + ".:53 {\n    errors\n}\n", "1.6.2")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(snippet + ".:53 {\n    import upstreams\n}\n", "1.6.2"))
                .hasMessageStartingWith("line 2: plugin 'proxy' does not exist in CoreDNS 1.6.2");
    }

    @Test
    void theCorpusMatchesItsEra() {
        assertThatCode(() -> check(Corpus.read("kubeadm-1.13.corefile"), "1.2.6")).doesNotThrowAnyException();
        assertThatCode(() -> check(Corpus.read("kubeadm-1.28.corefile"), "1.10.1")).doesNotThrowAnyException();
        assertThatCode(() -> check(Corpus.read("istio-1.4-istiocoredns.corefile"), "1.6.2")).doesNotThrowAnyException();
        assertThatCode(() -> check(Corpus.read("istio-1.1-istiocoredns.corefile"), "1.1.2")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(Corpus.read("kubeadm-1.13.corefile"), "1.6.2"))
                .hasMessageContaining("plugin 'proxy'");
        assertThatThrownBy(() -> check(Corpus.read("openshift-4.1.corefile"), "1.7.0"))
                .hasMessageContaining("option 'upstream'");
    }
}
