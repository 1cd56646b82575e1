package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;

/**
 * The Caddyfile v1 lexer as CoreDNS uses it (coredns/caddy caddyfile/lexer.go), plus offsets and columns:
 * Go's unicode.IsSpace separates tokens, '\r' is dropped without separating, an unquoted '#' starts a comment
 * anywhere (even mid-word), only a '"' at the start of a token quotes it, inside quotes a backslash escapes the
 * next character but is kept unless that character is '"', quoted tokens may span lines. Braces are ordinary
 * text here; the parser decides when a whole-token brace is a delimiter. There are no backquotes in Caddy v1.
 */
final class Lexer {
    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;

    private Lexer(String text) {
        this.text = text;
        if (text.startsWith("\uFEFF")) {
            pos = 1; // a leading BOM is discarded (lexer.go load()) and takes no column
        }
    }

    static List<Token> tokens(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        while ((t = lexer.next()) != null) {
            tokens.add(t);
        }
        return tokens;
    }

    private Token next() {
        skipSpaceAndComments();
        if (pos >= text.length()) {
            return null;
        }
        int start = pos;
        int startLine = line;
        int startColumn = column;
        if (text.charAt(pos) == '"') {
            return quoted(start, startLine, startColumn);
        }
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\r') {
                advance(); // Caddy skips CR without ending the token
                continue;
            }
            if (isSpace(c) || c == '#') {
                break;
            }
            sb.append(c);
            advance();
        }
        return new Token(sb.toString(), start, pos, startLine, startColumn, startLine, false);
    }

    private Token quoted(int start, int startLine, int startColumn) {
        advance(); // opening quote
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            advance();
            if (c == '"') {
                return new Token(sb.toString(), start, pos, startLine, startColumn, line, true);
            }
            if (c == '\\' && pos < text.length()) {
                char escaped = text.charAt(pos);
                advance();
                if (escaped != '"') {
                    sb.append('\\');
                }
                sb.append(escaped);
                continue;
            }
            sb.append(c);
        }
        // Caddy would take everything to the end of the file as one token; that is never what was meant
        throw new CorefileSyntaxException(startLine, startColumn, "unterminated quoted string (no closing '\"')");
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    advance();
                }
            } else if (isSpace(c)) {
                advance();
            } else {
                return;
            }
        }
    }

    private void advance() {
        char c = text.charAt(pos++);
        if (c == '\n') {
            line++;
            column = 1;
        } else if (!Character.isLowSurrogate(c)) {
            column++; // columns count code points, as an editor shows them
        }
    }

    /** Go's unicode.IsSpace, which differs from Character.isWhitespace (NBSP, NEL yes; U+001C..U+001F no). */
    static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
                    '\u205F', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
