package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;

/**
 * The Caddyfile v1 lexer as CoreDNS uses it: whitespace separates tokens, an unquoted '#' starts a comment
 * anywhere, only a '"' at the start of a token quotes it (only \" is an escape inside), quoted tokens may span
 * lines, braces are special only as whole tokens (checked by the parser).
 */
final class Lexer {
    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;

    private Lexer(String text) {
        this.text = text;
        if (text.startsWith("\uFEFF")) {
            advance();
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
            if (Character.isWhitespace(c) || c == '#') {
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
        while (true) {
            if (pos >= text.length()) {
                throw new CorefileSyntaxException(startLine, startColumn, "unterminated quoted string");
            }
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                sb.append('"');
                advance();
                advance();
                continue;
            }
            advance();
            if (c == '"') {
                return new Token(sb.toString(), start, pos, startLine, startColumn, line, true);
            }
            sb.append(c);
        }
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    advance();
                }
            } else if (Character.isWhitespace(c) || c == '\u00a0') {
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
        } else {
            column++;
        }
    }
}
