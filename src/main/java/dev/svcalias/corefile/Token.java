package dev.svcalias.corefile;

/**
 * One lexical token with where it came from: offsets into the original text (so edits can splice bytes) and
 * 1-based line/column (for error messages). {@code endLine} differs from {@code line} only for quoted tokens
 * that span newlines.
 */
public record Token(String text, int start, int end, int line, int column, int endLine, boolean quoted) {
    public boolean is(String s) {
        return !quoted && text.equals(s);
    }
}
