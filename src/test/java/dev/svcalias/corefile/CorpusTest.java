package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Corefile of the corpus parses and round-trips byte for byte, or fails exactly where CoreDNS fails. */
class CorpusTest {
    /** Broken on purpose (see SOURCES.md): where the parser must stop. */
    static final Map<String, String> BROKEN = Map.of(
            "aks-custom-override-block-folded.server.corefile",
            "line 1, column 71: unexpected '}' with no matching opening brace",
            "coredns-deployment-sed-template-2018.corefile",
            "line 16, column 1: missing '}' for the block opened at line 4, column 45 ('}FEDERATIONS' at line 8, "
            + "column 5 is a word, not a brace: a '}' needs whitespace after it)");

    /** Files with a root block: the ones the edits apply to. */
    static Stream<String> editable() {
        return Corpus.names().stream().filter(n -> !BROKEN.containsKey(n))
                .filter(n -> !Corefiles.parse(Corpus.read(n)).rootBlocks().isEmpty());
    }

    static Stream<String> parsable() {
        return Corpus.names().stream().filter(n -> !BROKEN.containsKey(n));
    }

    @Test
    void theYamlFileIsNotACorefile() {
        String yaml = Corpus.read("../corefiles/gke-kube-dns-stubdomains.yaml");
        assertThatThrownBy(() -> Corefiles.parse(yaml)).isInstanceOf(CorefileSyntaxException.class);
    }

    @Test
    void anOverrideFragmentParsesAsABlockKeyedByItsFirstPlugin() {
        // *.override files are spliced inside the default block; on their own Caddy reads "hosts" as a key
        Corefile c = Corefiles.parse(Corpus.read("aks-custom-hosts.override.corefile"));
        assertThat(c.serverBlocks()).singleElement().extracting(ServerBlock::keyText).isEqualTo("hosts");
        assertThatThrownBy(() -> Corefiles.addStubDomain(c.text(), "internal", "1.2.3.4"))
                .hasMessageStartingWith("no root server block");
    }

    @ParameterizedTest
    @MethodSource("parsable")
    void tokenPositionsMatchTheirOffsets(String name) {
        String text = Corpus.read(name);
        for (Token t : Lexer.tokens(text)) {
            String before = text.substring(0, t.start());
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = 1 + before.codePointCount(before.lastIndexOf('\n') + 1, before.length());
            assertThat(new int[] {t.line(), t.column()}).as("%s at offset %d", t.text(), t.start())
                    .containsExactly(line, column);
            String raw = text.substring(t.start(), t.end());
            assertThat(t.quoted() ? raw.substring(1, raw.length() - 1).replace("\\\"", "\"") : raw.replace("\r", ""))
                    .isEqualTo(t.text());
        }
    }

    @Test
    void theCorpusIsThere() {
        assertThat(Corpus.names()).hasSizeGreaterThan(20);
        assertThat(editable()).hasSizeGreaterThan(12);
    }

    @ParameterizedTest
    @MethodSource("parsable")
    void roundTripsByteForByte(String name) {
        String text = Corpus.read(name);
        Corefile corefile = Corefiles.parse(text);
        assertThat(corefile.text()).isEqualTo(text);
        assertThat(corefile.blocks()).isNotEmpty();
        // block offsets point at the key and just past the closing brace
        for (ServerBlock b : corefile.blocks()) {
            assertThat(text.substring(b.start())).startsWith(b.keys().get(0).text().isEmpty() ? "" : text.substring(
                    b.keys().get(0).start(), b.keys().get(0).end()));
        }
    }

    @ParameterizedTest
    @MethodSource("brokenNames")
    void brokenFilesFailWithAPosition(String name) {
        assertThatThrownBy(() -> Corefiles.parse(Corpus.read(name)))
                .isInstanceOf(CorefileSyntaxException.class)
                .hasMessageStartingWith(BROKEN.get(name));
        assertThatThrownBy(() -> Corefiles.addStubDomain(Corpus.read(name), "internal", "10.96.100.53"))
                .isInstanceOf(CorefileSyntaxException.class);
    }

    static List<String> brokenNames() {
        return List.copyOf(BROKEN.keySet());
    }

    @ParameterizedTest
    @MethodSource("editable")
    void stubDomainEditIsIdempotentRepointableAndReversible(String name) {
        String original = Corpus.read(name);
        String added = Corefiles.addStubDomain(original, "internal", "10.96.200.53");
        assertThat(added).isNotEqualTo(original);
        assertThat(Corefiles.parse(added).text()).isEqualTo(added);
        assertThat(Corefiles.addStubDomain(added, "internal", "10.96.200.53")).isEqualTo(added);
        String repointed = Corefiles.addStubDomain(added, "internal", "10.96.7.7");
        assertThat(repointed).contains("forward . 10.96.7.7").doesNotContain("10.96.200.53");
        assertThat(Corefiles.addStubDomain(repointed, "internal", "10.96.200.53")).isEqualTo(added);
        assertThat(Corefiles.removeZone(added, "internal")).isEqualTo(original);
        assertThat(Corefiles.removeZone(repointed, "internal")).isEqualTo(original);
        assertThat(Corefiles.managedZone(added, "internal")).hasValueSatisfying(z -> {
            assertThat(z.kind()).isEqualTo(ManagedZone.Kind.STUB_DOMAIN);
            assertThat(z.upstream()).isEqualTo("10.96.200.53");
        });
        // the new block listens on the root block's port(s)
        List<Integer> ports = Corefiles.rootPorts(original);
        for (int port : ports) {
            assertThat(added).contains("internal:" + port + " ");
        }
        Golden.assertMatches(name + ".stub-domain", added);
    }

    @ParameterizedTest
    @MethodSource("editable")
    void istioEditFollowsTheVersionAndIsReversible(String name) {
        String original = Corpus.read(name);
        for (String version : List.of("1.1.2", "1.6.2")) {
            CoreDnsVersion v = CoreDnsVersion.parse(version);
            String added;
            try {
                added = Corefiles.addIstioRoute(original, "internal", v);
            } catch (UnsupportedPluginException e) {
                // the file itself uses a plugin this version lacks: refused, never edited
                assertThatThrownBy(() -> Corefiles.checkPluginsAvailable(original, v)).hasMessage(e.getMessage());
                continue;
            }
            assertThat(Corefiles.parse(added).text()).isEqualTo(added);
            assertThat(added).contains(version.equals("1.6.2") ? "grpc internal 127.0.0.1:8053"
                    : "proxy internal 127.0.0.1:8053 {");
            assertThat(Corefiles.addIstioRoute(added, "internal", v)).isEqualTo(added);
            assertThat(Corefiles.removeZone(added, "internal")).isEqualTo(original);
            // never a second grpc in one block
            for (ServerBlock b : Corefiles.parse(added).serverBlocks()) {
                assertThat(b.directives().stream().filter(d -> d.pluginName().equals("grpc")).count())
                        .isLessThanOrEqualTo(1);
            }
            Golden.assertMatches(name + ".istio-" + version, added);
        }
    }

    @ParameterizedTest
    @MethodSource("editable")
    void removalRestoresWhateverTheLineEndingsAndTrailingBytes(String name) {
        String base = Corpus.read(name);
        String stripped = base.stripTrailing();
        for (String variant : List.of(stripped, stripped + "\n", stripped + "\n\n", stripped + "   ",
                stripped + "\n  \t", base.replace("\n", "\r\n"), "# leading comment\n" + base)) {
            String added = Corefiles.addStubDomain(variant, "internal", "10.96.100.53");
            assertThat(Corefiles.removeZone(added, "internal")).isEqualTo(variant);
            String both = Corefiles.addStubDomain(added, "other.example", "10.96.100.54");
            assertThat(Corefiles.removeZone(Corefiles.removeZone(both, "internal"), "other.example"))
                    .isEqualTo(variant);
            assertThat(Corefiles.removeZone(Corefiles.removeZone(both, "other.example"), "internal"))
                    .isEqualTo(variant);
        }
    }
}
