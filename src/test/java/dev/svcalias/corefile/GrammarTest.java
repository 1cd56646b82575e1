package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lexer and parser corners, each checked against what coredns/caddy's lexer.go and parse.go do. */
class GrammarTest {
    private static List<String> texts(String corefile) {
        return Lexer.tokens(corefile).stream().map(Token::text).toList();
    }

    @Test
    void commentsStartAnywhereEvenMidWordButNotInQuotes() {
        assertThat(texts("foo#bar baz\n\"a # b\" c#")).containsExactly("foo", "a # b", "c");
        assertThat(texts(".:53 { # after the brace\n    errors# glued\n}")).containsExactly(".:53", "{", "errors", "}");
    }

    @Test
    void quotesOnlyAtTheStartOfATokenAndCloseItThere() {
        assertThat(texts("a\"b \"foo\"bar")).containsExactly("a\"b", "foo", "bar");
        List<Token> tokens = Lexer.tokens("x \"{{ .Name }} 60 IN A 1.2.3.4\" y");
        assertThat(tokens.get(1).text()).isEqualTo("{{ .Name }} 60 IN A 1.2.3.4");
        assertThat(tokens.get(1).quoted()).isTrue();
        assertThat(tokens.get(2).column()).isEqualTo(33);
    }

    @Test
    void backslashEscapesOnlyTheQuoteButAlwaysConsumesTheNextCharacter() {
        // lexer.go: an escaped character other than '"' keeps its backslash; "a\\" ends at the last quote
        assertThat(texts("\"a\\\"b\" \"a\\nb\" \"a\\\\\" end")).containsExactly("a\"b", "a\\nb", "a\\\\", "end");
    }

    @Test
    void quotedTokensSpanLinesAndMoveTheLineCounter() {
        List<Token> tokens = Lexer.tokens("a \"line1\nline2\" b\nc");
        assertThat(tokens.get(1).text()).isEqualTo("line1\nline2");
        assertThat(tokens.get(1).endLine()).isEqualTo(2);
        assertThat(tokens.get(2).line()).isEqualTo(2);
        assertThat(tokens.get(3).line()).isEqualTo(3);
    }

    @Test
    void whitespaceIsGoUnicodeIsSpaceAndCarriageReturnNeverSeparates() {
        assertThat(texts("a\u00A0b\tc\u000Bd\u3000e")).containsExactly("a", "b", "c", "d", "e");
        assertThat(texts("a\u001Cb")).containsExactly("a\u001Cb"); // Java whitespace, not Go's
        assertThat(texts("a\rb c\r\n")).containsExactly("ab", "c");
    }

    @Test
    void aByteOrderMarkIsSkippedButKept() {
        String text = "\uFEFF.:53 {\n    errors\n}\n";
        Corefile c = Corefiles.parse(text);
        assertThat(c.text()).isEqualTo(text);
        assertThat(c.serverBlocks().get(0).keys().get(0).column()).isEqualTo(1);
    }

    @Test
    void bracesAreDelimitersOnlyAsWholeTokensAndQuotesDoNotChangeThat() {
        assertThat(Corefiles.parse(".:53 {\n    log foo{ }bar\n}").serverBlocks().get(0).directives().get(0).argTexts())
                .containsExactly("foo{", "}bar");
        // Caddy tokens do not remember quotes: a quoted "{" opens a block like a bare one
        Directive d = Corefiles.parse(".:53 {\n    hosts \"{\"\n        1.2.3.4 a\n    \"}\"\n}").serverBlocks().get(0)
                .directives().get(0);
        assertThat(d.nested()).extracting(Token::text).containsExactly("{", "1.2.3.4", "a", "}");
    }

    @Test
    void keysMaySpanLinesWithTrailingCommasAndTheBraceMayStandAlone() {
        Corefile c = Corefiles.parse("a.example,\n  b.example, c.example\n{\n    errors\n}\n"
                + "dns://d.example:1053 tls://e.example {\n}\n");
        assertThat(c.serverBlocks()).hasSize(2);
        assertThat(c.serverBlocks().get(0).zoneKeys()).extracting(ZoneKey::zone)
                .containsExactly("a.example.", "b.example.", "c.example.");
        assertThat(c.serverBlocks().get(1).zoneKeys()).containsExactly(new ZoneKey("dns", "d.example.", 1053, false),
                new ZoneKey("tls", "e.example.", 853, false));
    }

    @Test
    void aBraceOnTheLineAfterAPluginOpensThatPluginsBlock() {
        Directive d = Corefiles.parse(".:53 {\n    hosts\n    {\n        fallthrough\n    }\n    errors\n}")
                .serverBlocks().get(0).directives().get(0);
        assertThat(d.pluginName()).isEqualTo("hosts");
        assertThat(d.hasOption("fallthrough")).isTrue();
    }

    @Test
    void nestedBlocksNest() {
        ServerBlock b = Corefiles.parse(".:53 {\n    rewrite stop {\n        name regex (.*)\\.x {1}.y\n"
                + "        answer name (.*)\\.y {1}.x\n    }\n    forward . 1.1.1.1\n}\n").serverBlocks().get(0);
        assertThat(b.directives()).extracting(Directive::pluginName).containsExactly("rewrite", "forward");
        assertThat(b.directives().get(0).hasOption("answer")).isTrue();
    }

    @Test
    void aLineOfKeysAloneIsAServerWithoutPluginsAndABracelessSingleBlockTakesTheFile() {
        assertThat(Corefiles.parse("example.org").serverBlocks().get(0).directives()).isEmpty();
        ServerBlock b = Corefiles.parse(". {$PORT_KEY}\nwhoami\nlog\n").serverBlocks().get(0);
        assertThat(b.braced()).isFalse();
        assertThat(b.directives()).extracting(Directive::pluginName).containsExactly("whoami", "log");
    }

    @Test
    void snippetsImportsAndPlaceholdersAreModelled() {
        String text = "(common) {\n    errors\n    reload\n}\nimport custom/*.server\n.:53 {\n    import common\n"
                + "    forward . {$UPSTREAM} {%FALLBACK%}\n}\n";
        Corefile c = Corefiles.parse(text);
        assertThat(c.snippets()).extracting(ServerBlock::snippetName).containsExactly("common");
        assertThat(c.snippets().get(0).directives()).extracting(Directive::pluginName).containsExactly("errors", "reload");
        assertThat(c.imports()).extracting(Token::text).containsExactly("import", "custom/*.server");
        assertThat(c.serverBlocks().get(0).directives().get(1).argTexts())
                .containsExactly(".", "{$UPSTREAM}", "{%FALLBACK%}");
        assertThat(Corefiles.hasReload(text)).isTrue();
    }

    @Test
    void emptyAndBlankInputsHaveNoBlocks() {
        for (String text : List.of("", "\n", "  \t\r\n", "# only a comment")) {
            assertThat(Corefiles.parse(text).blocks()).isEmpty();
            assertThat(Corefiles.parse(text).text()).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ".:53 {\\n    errors\\n|line 3, column 1: missing '}' for the block opened at line 1, column 6",
            ".:53 {\\n    errors\\n}\\n}\\n|line 4, column 1: unexpected '}' with no matching opening brace",
            ".:53 {\\n    errors|line 2, column 11: missing '}' for the block opened at line 1, column 6",
            ".:53 {\\n    hosts {\\n|line 3, column 1: missing '}' for the block opened at line 2, column 11",
            "zone { errors cache 30 }|line 1, column 24: unexpected '}' with no matching opening brace (a block "
                    + "cannot be written on one line: a plugin line runs to the end of the line)",
            "a.example\\nb.example {\\n}|line 2, column 1: 'b.example' looks like a server key on a line of its own; "
                    + "put the keys of a block on one line or end each line of keys with ',' (CoreDNS would read it "
                    + "as an unknown plugin)",
            "a,\\n|line 1, column 1: expected another server key after ',' but the file ends",
            "{\\n}|line 1, column 1: a server block needs a key (zone) before '{'",
            "(s) {\\n}\\n(s) {\\n}|line 3, column 1: redeclaration of previously declared snippet s",
            "import\\n.:53 {\\n}|line 1, column 1: import needs one argument (a file, a glob pattern or a snippet name)",
            "import a b\\n|line 1, column 10: import takes only one argument, found another: 'b'",
            ".:53 {\\n\\t{\\n}|line 2, column 2: unexpected '{': a plugin name must come first on its line",
            ".:53 {\\n  forward . 1.1.1.1 }\\n}|line 2, column 21: unexpected '}' with no matching opening brace "
                    + "(a block cannot be written on one line: a plugin line runs to the end of the line)",
            "\\t.:53 {\\r\\n\\terrors \"x\\r\\n}|line 2, column 9: unterminated quoted string (no closing '\"')"})
    void syntaxErrorsAreOneLineWithLineAndColumn(String text, String message) {
        assertThatThrownBy(() -> Corefiles.parse(text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")))
                .isInstanceOf(CorefileSyntaxException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void syntaxExceptionsCarryTheirPosition() {
        CorefileSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(CorefileSyntaxException.class,
                () -> Corefiles.parse(".:53 {\n    errors\n}\n  }\n"));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e).isInstanceOf(CorefileException.class);
    }

    @Test
    void columnsCountCodePoints() {
        List<Token> tokens = Lexer.tokens("\"\uD83D\uDE00\" x");
        assertThat(tokens.get(1).column()).isEqualTo(5);
    }
}
