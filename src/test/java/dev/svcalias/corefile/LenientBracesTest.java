package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two brace shapes Caddy's parser (so CoreDNS) loads although the braces do not match: svcalias reads them as
 * CoreDNS does, names them (a warning of {@code corefile check}), and refuses every edit of such a file. CoreDNS
 * 1.14.7, 1.6.2 and 1.1.2 loading them is checked in EditedCorefilesLoadRealIT.
 */
class LenientBracesTest {
    /** A '#' ate the '{': the '}' at a line start still ends the block, and another block follows. */
    static final String BRACELESS_CLOSED = ".:53 # {\n    whoami\n}\nother:53 {\n    whoami\n}\n";
    /** The last '}' closes the forward block; the server block's own '}' is missing. */
    static final String OPEN_AT_END = ".:53 {\n    whoami\n    forward . 127.0.0.1:1053 {\n        max_fails 2\n    }\n";

    @Test
    void aBraceAtALineStartEndsABracelessBlockAsInCaddy() {
        Corefile c = Corefiles.checkLoadable(BRACELESS_CLOSED);
        assertThat(c.serverBlocks()).extracting(ServerBlock::keyText).containsExactly(".:53", "other:53");
        assertThat(c.serverBlocks().get(0).directives()).extracting(Directive::pluginName).containsExactly("whoami");
        assertThat(Corefiles.leniencies(c)).singleElement().asString()
                .startsWith("line 1: the server block '.:53' has no '{' after its keys, yet the '}' at line 3, column 1"
                        + " ends it");
        assertThat(c.text()).isEqualTo(BRACELESS_CLOSED);
    }

    @Test
    void aBlockLeftOpenLoadsWhenTheFilesLastTokenIsAPluginsClosingBrace() {
        Corefile c = Corefiles.checkLoadable(OPEN_AT_END);
        assertThat(c.serverBlocks()).singleElement().satisfies(b -> {
            assertThat(b.directives()).extracting(Directive::pluginName).containsExactly("whoami", "forward");
            assertThat(b.end()).isEqualTo(OPEN_AT_END.lastIndexOf('}') + 1);
        });
        assertThat(Corefiles.leniencies(c)).singleElement().asString()
                .contains("opened at line 1, column 6 is never closed").endsWith("add the missing '}' at the end");
    }

    /** Caddy lets any block leave out its braces; after another block it takes the rest of the file. */
    @Test
    void aBracelessBlockAfterAnotherBlockTakesTheRestOfTheFile() {
        Corefile c = Corefiles.checkLoadable("a {\n}\nb\nwhoami\nlog\n");
        assertThat(c.serverBlocks().get(1).directives()).extracting(Directive::pluginName)
                .containsExactly("whoami", "log");
        assertThat(Corefiles.leniencies(c)).singleElement().asString().startsWith("line 3: the server block 'b' has no"
                + " braces, so CoreDNS reads every line after it, to the end of the file, as its plugins");
        Corefile closed = Corefiles.checkLoadable("(common) {\n  errors\n}\n  minimal\n  whoami\n}\nx.example {\n}\n");
        assertThat(closed.serverBlocks()).extracting(ServerBlock::keyText).containsExactly("minimal", "x.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {".:53 {\n    whoami\n", ".:53 {\n", ".:53 {\n    hosts {\n"})
    void anOpenBlockWhoseLastTokenIsNoClosingBraceIsStillRefusedAsCaddyRefusesIt(String text) {
        assertThatThrownBy(() -> Corefiles.parse(text)).isInstanceOf(CorefileSyntaxException.class)
                .hasMessageContaining("missing '}'");
    }

    @ParameterizedTest
    @ValueSource(strings = {BRACELESS_CLOSED, OPEN_AT_END})
    void noEditTouchesSuchAFileButRemovingAnAbsentZoneGivesItBack(String text) {
        assertThatThrownBy(() -> Corefiles.addStubDomain(text, "internal", "10.96.100.53"))
                .isInstanceOf(CorefileException.class).hasMessageContaining("before svcalias edits this Corefile")
                .hasMessageContaining("CoreDNS loads this, but svcalias does not edit");
        assertThatThrownBy(() -> Corefiles.addIstioRoute(text, "internal", CoreDnsVersion.parse("1.6.2")))
                .isInstanceOf(CorefileException.class);
        assertThatThrownBy(() -> Corefiles.putAliasZone(text, "internal", firstAliasKind(), "svcalias-aliases",
                "-3bed2cb3", "cluster.local"))
                .isInstanceOf(CorefileException.class);
        assertThat(Corefiles.removeZone(text, "internal")).isSameAs(text);
    }

    private static ManagedZone.Kind firstAliasKind() {
        for (ManagedZone.Kind k : ManagedZone.Kind.values()) {
            if (k.aliasZone()) {
                return k;
            }
        }
        throw new AssertionError("no alias-zone kind");
    }

    @Test
    void aStrayBraceInsideABracelessBlockLineIsStillRefused() {
        assertThatThrownBy(() -> Corefiles.parse(".:53\n    whoami }\n")).isInstanceOf(CorefileSyntaxException.class)
                .hasMessageContaining("unexpected '}'");
    }
}
