package dev.svcalias.corefile;

/**
 * One lexical token with where it came from: offsets into the original text (so edits can splice bytes) and
 * 1-based line/column (for error messages). {@code endLine} differs from {@code line} only for quoted tokens
 * that span newlines. {@code text} is the token's value (quotes removed, {@code \"} unescaped).
 */
public record Token(String text, int start, int end, int line, int column, int endLine, boolean quoted) {
    /**
     * Whether the token's value is {@code s}. Caddy v1 tokens do not remember their quotes, so a quoted opening
     * brace is a brace and a quoted import keyword imports, exactly as in CoreDNS.
     */
    public boolean is(String s) {
        return text.equals(s);
    }
}
