package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Grammar corners, conflicts, damaged markers, versions and plugin availability. */
class EngineRulesTest {
    private static final String ROOT = ".:53 {\n    errors\n    forward . /etc/resolv.conf\n}\n";

    @ParameterizedTest
    @ValueSource(strings = {"Internal:53", "internal.", "dns://internal:53", "internal", "INTERNAL.:53",
            "example.org internal", "a.example,\n  internal"})
    void aForeignBlockForTheZoneIsAConflict(String key) {
        String text = ROOT + key + " {\n    forward . 10.0.0.1\n}\n";
        assertThatThrownBy(() -> Corefiles.addStubDomain(text, "internal", "10.96.100.53"))
                .isInstanceOf(ZoneConflictException.class)
                .hasMessageContaining("not managed by svcalias").hasMessageContaining("line 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal:1053", "tls://internal", "internal.example", "grpc://internal:53"})
    void otherPortsSchemesAndZonesDoNotConflict(String key) {
        String text = ROOT + key + " {\n    forward . 10.0.0.1\n}\n";
        assertThat(Corefiles.addStubDomain(text, "internal", "10.96.100.53")).startsWith(text);
    }

    @Test
    void theNewBlockListensOnEveryRootPort() {
        String text = ".:53 .:5353 {\n\tforward . 1.1.1.1\n}\n";
        String added = Corefiles.addStubDomain(text, "internal", "10.96.100.53");
        assertThat(added).contains("internal:53 internal:5353 {\n\terrors\n");
        assertThat(Corefiles.rootPorts(text)).containsExactly(53, 5353);
    }

    @Test
    void withoutARootBlockThereIsNothingToFollow() {
        assertThatThrownBy(() -> Corefiles.addStubDomain("example.org {\n    whoami\n}\n", "internal", "1.2.3.4"))
                .isInstanceOf(CorefileException.class).hasMessageContaining("no root server block");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ".:53 {\\n    errors\\n|line 3, column 1: missing '}' for the block opened at line 1, column 6",
            ".:53 {\\n    errors\\n}\\n}\\n|line 4, column 1: unexpected '}' with no matching opening brace",
            "zone { errors cache 30 }|line 1, column 24: unexpected '}' with no matching opening brace (a block cannot be written on one line: a plugin line runs to the end of the line)",
            ".:53 {\\n    forward . \"unterminated\\n}\\n|line 2, column 15: unterminated quoted string (no closing '\"')",
            ".:53 {\\n    hosts {\\n    }\\n|line 4, column 1: missing '}' for the block opened at line 1, column 6",
            ".:53 {\\n    hosts {\\n|line 3, column 1: missing '}' for the block opened at line 2, column 11",
            "a, {\\n}|line 1, column 4: expected another server key after ',' but found '{'",
            "(snip)\\n|line 1, column 1: expected '{' to open the snippet '(snip)'"})
    void syntaxErrorsNameLineAndColumn(String text, String message) {
        assertThatThrownBy(() -> Corefiles.parse(text.replace("\\n", "\n")))
                .isInstanceOf(CorefileSyntaxException.class).hasMessage(message);
    }

    @Test
    void quotesCommentsSnippetsImportsAndPlaceholdersParse() {
        String text = "# top comment\n(common) {\n    errors # trailing\n}\nimport /etc/coredns/custom/*.server\n"
                + "dns://.:53 {\n    import common\n"
                + "    template IN A example {\n        answer \"{{ .Name }} 60 IN A 1.2.3.4\" # braces in quotes\n    }\n"
                + "    forward . \"10.0.0.1\" {$UPSTREAM}\n    log \"a \\\"quoted\\\" word\"\n}";
        Corefile c = Corefiles.parse(text);
        assertThat(c.text()).isEqualTo(text);
        assertThat(c.snippets()).hasSize(1);
        assertThat(c.imports()).extracting(Token::text).containsExactly("import", "/etc/coredns/custom/*.server");
        ServerBlock root = c.serverBlocks().get(0);
        assertThat(root.keyText()).isEqualTo("dns://.:53");
        assertThat(root.directives()).extracting(Directive::pluginName)
                .containsExactly("import", "template", "forward", "log");
        assertThat(root.directives().get(3).args().get(0).text()).isEqualTo("a \"quoted\" word");
        String added = Corefiles.addStubDomain(text, "internal", "10.96.100.53");
        assertThat(added).startsWith(text + "\n# svcalias:begin").doesNotEndWith("\n");
        assertThat(Corefiles.removeZone(added, "internal")).isEqualTo(text);
    }

    @Test
    void aBracelessSingleBlockTakesTheWholeFile() {
        Corefile c = Corefiles.parse(".\nwhoami\nlog\n");
        assertThat(c.serverBlocks()).hasSize(1);
        assertThat(c.serverBlocks().get(0).directives()).extracting(Directive::pluginName).containsExactly("whoami", "log");
    }

    @Test
    void damagedMarkersAreRefusedNeverGuessed() {
        String added = Corefiles.addStubDomain(ROOT, "internal", "10.96.100.53");
        String noEnd = added.replace("# svcalias:end zone=internal", "# gone");
        assertThatThrownBy(() -> Corefiles.removeZone(noEnd, "internal")).isInstanceOf(CorefileException.class)
                .hasMessageContaining("has no matching '# svcalias:end zone=internal' line after it");
        assertThatThrownBy(() -> Corefiles.addStubDomain(noEnd, "internal", "1.2.3.4"))
                .isInstanceOf(CorefileException.class);
        String noBegin = added.replaceFirst("# svcalias:begin[^\n]*", "# gone");
        assertThatThrownBy(() -> Corefiles.managedZones(noBegin)).hasMessageContaining("without a begin marker");
        String twice = added + added.substring(ROOT.length());
        assertThatThrownBy(() -> Corefiles.managedZones(twice)).hasMessageContaining("second svcalias block");
        String emptied = added.replaceAll("(?s)internal:53 \\{.*?\\n\\}\\n", "");
        assertThatThrownBy(() -> Corefiles.managedZones(emptied))
                .hasMessage("line 5: the svcalias block for zone internal no longer holds exactly one server block "
                        + "between its markers; remove the svcalias lines for that zone by hand and run svcalias again");
        assertThatThrownBy(() -> Corefiles.addStubDomain(emptied, "internal", "10.96.100.53"))
                .isInstanceOf(CorefileException.class);
        assertThatThrownBy(() -> Corefiles.removeZone(emptied, "internal")).isInstanceOf(CorefileException.class);
    }

    @Test
    void anIstioRouteAndAStubDomainForOneZoneDoNotMix() {
        String added = Corefiles.addStubDomain(ROOT, "internal", "10.96.100.53");
        assertThatThrownBy(() -> Corefiles.addIstioRoute(added, "internal", CoreDnsVersion.parse("1.6.2")))
                .isInstanceOf(ZoneConflictException.class);
    }

    @ParameterizedTest
    @CsvSource({"1.6.2,1.6.2", "v1.6.2,1.6.2", "1.8.4-eksbuild.1,1.8.4", "1.11.3-aks,1.11.3", "1.7,1.7.0"})
    void versions(String tag, String version) {
        assertThat(CoreDnsVersion.parse(tag).toString()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "", "1", "one.two.three", "1.6.2.4.5x"})
    void garbageVersionsAreRefused(String tag) {
        assertThatThrownBy(() -> CoreDnsVersion.parse(tag)).isInstanceOf(CorefileException.class)
                .hasMessageContaining("not a CoreDNS version");
    }

    @Test
    void thresholdIs150Not140() {
        String root = ".:53 {\n    errors\n}\n";
        assertThat(Corefiles.addIstioRoute(root, "internal", CoreDnsVersion.parse("1.4.0"))).contains("proxy internal");
        assertThat(Corefiles.addIstioRoute(root, "internal", CoreDnsVersion.parse("1.5.0"))).contains("grpc internal");
    }

    @Test
    void pluginsTheVersionLacksAreRefusedWithTheLine() {
        String proxy = ".:53 {\n    errors\n    proxy . /etc/resolv.conf\n}\n";
        assertThatThrownBy(() -> Corefiles.checkPluginsAvailable(proxy, CoreDnsVersion.parse("1.6.2")))
                .isInstanceOf(UnsupportedPluginException.class)
                .hasMessage("line 3: plugin 'proxy' does not exist in CoreDNS 1.6.2 (removed in 1.5.0); replace it with "
                        + "'forward' (and 'grpc' for a gRPC upstream) before svcalias edits this Corefile, or pass "
                        + "--coredns-version if the detected version is wrong");
        String grpc = ".:53 {\n    grpc . 127.0.0.1:8053\n}\n";
        assertThatThrownBy(() -> Corefiles.checkPluginsAvailable(grpc, CoreDnsVersion.parse("1.1.2")))
                .hasMessageContaining("'grpc' does not exist in CoreDNS 1.1.2 (added in 1.5.0)");
        String upstream = ".:53 {\n    kubernetes cluster.local {\n        upstream\n    }\n}\n";
        assertThatThrownBy(() -> Corefiles.checkPluginsAvailable(upstream, CoreDnsVersion.parse("1.8.0")))
                .hasMessageContaining("option 'upstream' of plugin 'kubernetes' does not exist in CoreDNS 1.8.0 (removed in 1.7.0)");
        Corefiles.checkPluginsAvailable(upstream, CoreDnsVersion.parse("1.6.2"));
        Corefiles.checkPluginsAvailable(".:53 {\n    my-external-plugin\n}\n", CoreDnsVersion.parse("1.1.2"));
    }

    @Test
    void queries() {
        String text = "cluster.local:53 {\n    kubernetes cluster.local.\n}\n.:53 {\n    kubernetes Cluster.Example\n}\n";
        assertThat(Corefiles.clusterDomain(text)).hasValue("cluster.example");
        assertThat(Corefiles.hasReload(text)).isFalse();
        assertThat(Corefiles.hasReload(text.replace("kubernetes Cluster.Example", "reload"))).isTrue();
        assertThat(Corefiles.managedZones(text)).isEmpty();
        assertThat(Corefiles.removeZone(text, "internal")).isSameAs(text);
    }
}
