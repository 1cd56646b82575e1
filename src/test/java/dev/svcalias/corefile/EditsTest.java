package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the two edits write, where, and what they refuse. */
class EditsTest {
    private static final String ROOT = ".:53 {\n    errors\n    forward . /etc/resolv.conf\n}\n";
    private static final CoreDnsVersion V112 = CoreDnsVersion.parse("1.1.2");
    private static final CoreDnsVersion V162 = CoreDnsVersion.parse("1.6.2");

    @ParameterizedTest
    @ValueSource(strings = {"Internal:53", "internal.", "dns://internal:53", "internal", "INTERNAL.:53",
            "example.org internal", "a.example,\n  internal", "dns://Internal."})
    void aForeignBlockForTheZoneOnTheRootPortIsAConflict(String key) {
        String text = ROOT + key + " {\n    forward . 10.0.0.1\n}\n";
        String first = key.split("\\s", -1)[0];
        assertThatThrownBy(() -> Corefiles.addStubDomain(text, "internal", "10.96.100.53"))
                .isInstanceOf(ZoneConflictException.class)
                .hasMessageStartingWith("line 5: server block '" + first)
                .hasMessageEndingWith("' already serves zone internal. and is not managed by svcalias; remove it or "
                        + "pick another --domain");
        assertThatThrownBy(() -> Corefiles.addIstioRoute(text, "internal", V162))
                .isInstanceOf(ZoneConflictException.class);
    }

    @Test
    void theConflictMessageNamesTheKeyAsWritten() {
        String text = ROOT + "Internal:53 {\n    forward . 10.0.0.1\n}\n";
        assertThatThrownBy(() -> Corefiles.addStubDomain(text, "internal", "10.96.100.53")).hasMessage("line 5: "
                + "server block 'Internal:53' already serves zone internal. and is not managed by svcalias; remove "
                + "it or pick another --domain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal:1053", "tls://internal", "internal.example", "grpc://internal:53",
            "sub.internal", "(internal)"})
    void otherPortsSchemesZonesAndSnippetsDoNotConflict(String key) {
        String text = ROOT + key + " {\n    errors\n}\n";
        assertThat(Corefiles.addStubDomain(text, "internal", "10.96.100.53")).startsWith(text);
    }

    @Test
    void aKeyFromAnEnvironmentVariableCannotBeJudgedSoItIsRefused() {
        String text = ROOT + "{$ZONE} {\n    errors\n}\n";
        assertThatThrownBy(() -> Corefiles.addStubDomain(text, "internal", "10.96.100.53"))
                .isExactlyInstanceOf(CorefileException.class)
                .hasMessageStartingWith("line 5: server block '{$ZONE}' takes its key from an environment variable");
        assertThatThrownBy(() -> Corefiles.rootPorts(".:{$PORT} {\n}\n"))
                .hasMessageStartingWith("line 1: the root server block's port comes from an environment variable");
    }

    @Test
    void theNewBlockListensOnEveryRootPort() {
        String text = ".:53 .:5353 {\n\tforward . 1.1.1.1\n}\n";
        assertThat(Corefiles.rootPorts(text)).containsExactly(53, 5353);
        assertThat(Corefiles.addStubDomain(text, "internal", "10.96.100.53"))
                .contains("\ninternal:53 internal:5353 {\n\terrors\n\tcache 30\n\ttemplate IN AAAA internal {\n\t\trcode");
        String openshift = Corpus.read("openshift-4.1.corefile");
        assertThat(Corefiles.addIstioRoute(openshift, "internal", V112)).contains("\ninternal:5353 {\n");
    }

    @Test
    void aConflictIsOnlyOnThePortsSvcaliasUses() {
        String text = ".:5353 {\n    errors\n}\ninternal:53 {\n    errors\n}\n";
        assertThat(Corefiles.addStubDomain(text, "internal", "10.96.100.53")).contains("internal:5353 {");
        assertThatThrownBy(() -> Corefiles.addStubDomain(text.replace("internal:53", "internal:5353"), "internal",
                "10.96.100.53")).isInstanceOf(ZoneConflictException.class).hasMessageStartingWith("line 4:");
    }

    @Test
    void withoutARootBlockThereIsNothingToFollow() {
        assertThatThrownBy(() -> Corefiles.addStubDomain("example.org {\n    whoami\n}\n", "internal", "1.2.3.4"))
                .isExactlyInstanceOf(CorefileException.class).hasMessageStartingWith("no root server block");
    }

    @Test
    void aBracelessFileIsNotEditedBecauseTheNewBlockWouldJoinIt() {
        assertThatThrownBy(() -> Corefiles.addStubDomain(".\nwhoami\n", "internal", "1.2.3.4"))
                .hasMessageStartingWith("line 1: the server block '.' has no braces");
    }

    @Test
    void unparsableInputIsNeverEdited() {
        String broken = ROOT + "}\n";
        assertThatThrownBy(() -> Corefiles.addStubDomain(broken, "internal", "1.2.3.4"))
                .isInstanceOf(CorefileSyntaxException.class);
        assertThatThrownBy(() -> Corefiles.removeZone(broken, "internal")).isInstanceOf(CorefileSyntaxException.class);
    }

    @Test
    void indentationFollowsTheRootBlock() {
        assertThat(Corefiles.addStubDomain(".:53 {\n  errors\n}\n", "internal", "1.2.3.4"))
                .contains("internal:53 {\n  errors\n  cache 30\n  template IN AAAA internal {\n    rcode NOERROR\n");
        assertThat(Corefiles.addStubDomain(".:53 {\n\t errors\n}\n", "internal", "1.2.3.4"))
                .contains("internal:53 {\n\terrors\n");
        assertThat(Corefiles.addStubDomain(".:53 { errors\n}\n", "internal", "1.2.3.4"))
                .contains("internal:53 {\n    errors\n");
        assertThat(Corefiles.addStubDomain(".:53 {\n}\n", "internal", "1.2.3.4")).contains("internal:53 {\n    errors\n");
    }

    @Test
    void crlfFilesGetCrlfLines() {
        String crlf = ROOT.replace("\n", "\r\n");
        String added = Corefiles.addStubDomain(crlf, "internal", "1.2.3.4");
        assertThat(added.replace("\r\n", "")).doesNotContain("\n");
        assertThat(added).endsWith("# svcalias:end zone=internal\r\n");
        assertThat(Corefiles.removeZone(added, "internal")).isEqualTo(crlf);
    }

    @Test
    void aFileWithoutFinalNewlineStaysWithout() {
        String noNewline = ROOT.stripTrailing();
        String added = Corefiles.addStubDomain(noNewline, "internal", "1.2.3.4");
        assertThat(added).startsWith(noNewline + "\n# svcalias:begin").endsWith("# svcalias:end zone=internal");
        assertThat(Corefiles.removeZone(added, "internal")).isEqualTo(noNewline);
    }

    @Test
    void theIstioEditFollowsTheVersionThresholdOf150() {
        String root = ".:53 {\n    errors\n}\n";
        assertThat(Corefiles.addIstioRoute(root, "internal", CoreDnsVersion.parse("1.4.0"))).endsWith("internal:53 {\n"
                + "    errors\n    cache 30\n    proxy internal 127.0.0.1:8053 {\n        protocol grpc insecure\n"
                + "    }\n}\n# svcalias:end zone=internal\n");
        assertThat(Corefiles.addIstioRoute(root, "internal", CoreDnsVersion.parse("1.5.0"))).endsWith("internal:53 {\n"
                + "    errors\n    cache 30\n    grpc internal 127.0.0.1:8053\n}\n# svcalias:end zone=internal\n");
        assertThat(Corefiles.managedZone(Corefiles.addIstioRoute(root, "internal", V112), "internal"))
                .hasValue(new ManagedZone("internal", ManagedZone.Kind.ISTIO_ROUTE, "127.0.0.1:8053", 4));
    }

    @Test
    void theIstioRouteAnswersAaaaItselfWhenTheClusterDnsCanOnlyForward() {
        String root = ".:53 {\n    errors\n}\n";
        CorefileEdit grpc = Corefiles.istioRouteEdit(root, "internal", V162, true);
        assertThat(grpc.text()).endsWith("internal:53 {\n    errors\n    cache 30\n    template IN AAAA internal {\n"
                + "        rcode NOERROR\n        authority \"internal. 30 IN SOA ns.dns.internal. hostmaster.internal. "
                + "1 7200 1800 86400 30\"\n    }\n    grpc internal 127.0.0.1:8053\n}\n# svcalias:end zone=internal\n");
        assertThat(grpc.notes()).isEmpty();
        assertThat(Corefiles.managedZone(grpc.text(), "internal"))
                .hasValue(new ManagedZone("internal", ManagedZone.Kind.ISTIO_ROUTE, "127.0.0.1:8053", 4));
        assertThat(Corefiles.istioRouteEdit(root, "internal", V162, false).text())
                .isEqualTo(Corefiles.addIstioRoute(root, "internal", V162)).doesNotContain("template");
        // Istio 1.1-1.3's CoreDNS 1.1.2 takes a record-less template only with an additional record: the SOA again
        CorefileEdit old = Corefiles.istioRouteEdit(root, "internal", V112, true);
        assertThat(old.text()).contains("    template IN AAAA internal {\n        rcode NOERROR\n        additional "
                + "\"internal. 30 IN SOA ns.dns.internal. hostmaster.internal. 1 7200 1800 86400 30\"\n        authority "
                + "\"internal. 30 IN SOA ns.dns.internal. hostmaster.internal. 1 7200 1800 86400 30\"\n    }\n"
                + "    proxy internal 127.0.0.1:8053 {");
        assertThat(old.notes()).isEmpty();
        CorefileEdit older = Corefiles.istioRouteEdit(root, "internal", CoreDnsVersion.parse("1.1.1"), true);
        assertThat(older.text()).doesNotContain("template");
        assertThat(older.notes()).singleElement().asString().contains("CoreDNS 1.1.1").contains("NXDOMAIN");
        // re-adding over a route without the template (an older svcalias) puts it in: one region, same place
        String plain = Corefiles.addIstioRoute(root, "internal", V162);
        assertThat(Corefiles.istioRouteEdit(plain, "internal", V162, true).text()).isEqualTo(grpc.text());
    }

    @Test
    void theIstioEditLeavesGlobalAloneAndNeverAddsASecondGrpcToABlock() {
        String istio = Corpus.read("istio-1.4-istiocoredns.corefile");
        String added = Corefiles.addIstioRoute(istio, "internal", V162);
        assertThat(added).startsWith(istio);
        Corefile c = Corefiles.parse(added);
        for (ServerBlock b : c.serverBlocks()) {
            assertThat(b.directives().stream().filter(d -> d.pluginName().equals("grpc"))).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(c.serverBlocks()).hasSize(2);
        assertThat(Corefiles.routesDomain(added, "global")).isTrue();
        assertThat(Corefiles.routesDomain(added, "internal")).isTrue();
        assertThat(Corefiles.routesDomain(istio, "internal")).isFalse();
    }

    @Test
    void theIstioEditIsRefusedWhenTheFileOrTheVersionCannotTakeIt() {
        String proxyFile = Corpus.read("istio-1.1-istiocoredns.corefile");
        assertThatThrownBy(() -> Corefiles.addIstioRoute(proxyFile, "internal", V162))
                .isInstanceOf(UnsupportedPluginException.class).hasMessageContaining("plugin 'proxy'");
    }

    @Test
    void aStubDomainAndAnIstioRouteForOneZoneDoNotMix() {
        String added = Corefiles.addStubDomain(ROOT, "internal", "10.96.100.53");
        assertThatThrownBy(() -> Corefiles.addIstioRoute(added, "internal", V162))
                .isInstanceOf(ZoneConflictException.class)
                .hasMessage("line 5: zone internal already has a svcalias stub-domain block in this Corefile, not a "
                        + "istio-route one; remove it first (svcalias reset --domain internal, or svcalias corefile remove "
                        + "--domain internal for a file) or pick another --domain");
    }

    @Test
    void theStubEditKnowsWhichTemplateAVersionTakes() {
        CorefileEdit modern = Corefiles.stubDomainEdit(ROOT, "internal", "10.96.100.53", CoreDnsVersion.parse("1.1.3"));
        assertThat(modern.text()).isEqualTo(Corefiles.addStubDomain(ROOT, "internal", "10.96.100.53"));
        assertThat(modern.notes()).isEmpty();
        CorefileEdit old = Corefiles.stubDomainEdit(ROOT, "internal", "10.96.100.53", V112);
        assertThat(old.text()).contains("        additional \"internal. 30 IN SOA").contains("    forward . 10.96.100.53\n}");
        assertThat(old.notes()).isEmpty();
        assertThat(Corefiles.removeZone(old.text(), "internal")).isEqualTo(ROOT);
        old = Corefiles.stubDomainEdit(ROOT, "internal", "10.96.100.53", CoreDnsVersion.parse("1.0.6"));
        assertThat(old.text()).doesNotContain("template").contains("    cache 30\n    forward . 10.96.100.53\n}");
        assertThat(old.notes()).singleElement().asString().startsWith("no AAAA answer for internal: the template "
                + "plugin of CoreDNS 1.0.6 cannot answer without records (needs 1.1.2)");
        assertThat(Corefiles.removeZone(old.text(), "internal")).isEqualTo(ROOT);
        // forward arrived in 1.0.5: an older CoreDNS cannot take the edit at all
        assertThatThrownBy(() -> Corefiles.stubDomainEdit(ROOT.replace("forward", "proxy"), "internal", "1.2.3.4",
                CoreDnsVersion.parse("1.0.4"))).isInstanceOf(UnsupportedPluginException.class)
                .hasMessageContaining("plugin 'forward' does not exist in CoreDNS 1.0.4 (added in 1.0.5)");
    }

    @Test
    void removingAnAbsentZoneReturnsTheInputItself() {
        String added = Corefiles.addStubDomain(ROOT, "internal", "10.96.100.53");
        assertThat(Corefiles.removeZone(ROOT, "internal")).isSameAs(ROOT);
        assertThat(Corefiles.removeZone(added, "other")).isSameAs(added);
    }

    @Test
    void severalZonesLiveSideBySide() {
        String two = Corefiles.addStubDomain(Corefiles.addStubDomain(ROOT, "a.example", "1.1.1.1"), "b.example", "2.2.2.2");
        assertThat(Corefiles.managedZones(two)).extracting(ManagedZone::domain, ManagedZone::upstream)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.example", "1.1.1.1"),
                        org.assertj.core.groups.Tuple.tuple("b.example", "2.2.2.2"));
        assertThat(Corefiles.managedZone(two, "b.example")).map(ManagedZone::line).hasValue(16);
        String repointed = Corefiles.addStubDomain(two, "a.example", "3.3.3.3");
        assertThat(Corefiles.managedZones(repointed)).extracting(ManagedZone::upstream).containsExactly("3.3.3.3", "2.2.2.2");
    }
}
