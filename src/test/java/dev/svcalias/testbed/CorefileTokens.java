package dev.svcalias.testbed;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately small Corefile reader for the testbed, independent of svcalias's own parser (the code under
 * test must not decide what the testbed feeds CoreDNS; a file svcalias's parser refuses must still reach CoreDNS,
 * which has the last word). It splits the text into Caddyfile words with their offsets and line numbers and
 * groups them as CoreDNS does: server blocks (keys, then lines of directives) and nested option lines. It never
 * throws: what it does not understand it leaves alone.
 */
final class CorefileTokens {
    /** A word of the file: text without quotes, [start, end) offsets in the file, its line. */
    record Word(String text, int start, int end, int line) {}

    /** A line of words at some depth inside a block; {@code openEnd} is the offset after its '{', or -1. */
    record Line(List<Word> words, int depth, int openEnd) {
        boolean opens() {
            return openEnd >= 0;
        }

        Word first() {
            return words.get(0);
        }

        /** The words after the first (a trailing '{' is not a word of the line). */
        List<Word> args() {
            return words.subList(1, words.size());
        }
    }

    /**
     * A top-level block: its keys, the offset just after its '{' (after its last key when it has none), its lines
     * (depth 1 and deeper), whether a directive follows '{' on the same line ({@code folded}; CoreDNS refuses such
     * a block), and whether it has no '{' ({@code braceless}: it runs to a '}' or the end, as in Caddy).
     */
    record Block(List<Word> keys, int afterOpen, List<Line> lines, boolean folded, boolean braceless) {
        boolean snippet() {
            return !keys.isEmpty() && keys.get(0).text().startsWith("(");
        }
    }

    private CorefileTokens() {}

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                int start = i;
                int startLine = line;
                StringBuilder sb = new StringBuilder();
                // as Caddy's lexer: only a '"' that starts a word quotes it, and its closing '"' ends the word; a
                // '"' inside a word is a character, a '#' inside one starts a comment
                boolean quoted = c == '"';
                i += quoted ? 1 : 0;
                while (i < n) {
                    char d = text.charAt(i);
                    if (quoted) {
                        if (d == '\\' && i + 1 < n && text.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        if (d == '"') {
                            break;
                        }
                        if (d == '\n') {
                            line++;
                        }
                        sb.append(d);
                    } else if (Character.isWhitespace(d) || d == '#') {
                        break;
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                words.add(new Word(sb.toString(), start, i, startLine));
            }
        }
        return words;
    }

    /** Top-level blocks (server blocks and snippets); top-level {@code import} lines are skipped. */
    static List<Block> blocks(String text) {
        List<Word> words = words(text);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Word w = words.get(i);
            if (w.text().equals("import")) { // top-level import: the rest of its line
                int line = w.line();
                while (i < words.size() && words.get(i).line() == line) {
                    i++;
                }
                continue;
            }
            // Caddy's addresses(): keys run to the end of their line (a trailing ',' continues on the next), and a
            // '{' may stand on the next line; without a '{' the block is brace-less
            List<Word> keys = new ArrayList<>();
            while (i < words.size() && !words.get(i).text().equals("{")) {
                Word key = words.get(i++);
                keys.add(key);
                if (!key.text().endsWith(",") && i < words.size() && words.get(i).line() != key.line()
                        && !words.get(i).text().equals("{")) {
                    break;
                }
            }
            boolean braceless = !keys.isEmpty() && (i >= words.size() || !words.get(i).text().equals("{"));
            Word lastKey = keys.isEmpty() ? null : keys.get(keys.size() - 1);
            int openLine = braceless ? lastKey.line() : words.get(i).line();
            int afterOpen = braceless ? lastKey.end() : words.get(i++).end();
            List<Line> lines = new ArrayList<>();
            int depth = 1;
            List<Word> current = new ArrayList<>();
            int currentDepth = 1;
            while (i < words.size() && depth > 0) {
                Word x = words.get(i++);
                if (!current.isEmpty() && x.line() != current.get(current.size() - 1).line()) {
                    lines.add(new Line(current, currentDepth, -1));
                    current = new ArrayList<>();
                }
                if (x.text().equals("{")) {
                    if (!current.isEmpty()) {
                        lines.add(new Line(current, currentDepth, x.end()));
                        current = new ArrayList<>();
                    }
                    depth++;
                } else if (x.text().equals("}")) {
                    if (!current.isEmpty()) {
                        lines.add(new Line(current, currentDepth, -1));
                        current = new ArrayList<>();
                    }
                    depth--;
                } else {
                    if (current.isEmpty()) {
                        currentDepth = depth;
                    }
                    current.add(x);
                }
            }
            if (!current.isEmpty()) {
                lines.add(new Line(current, currentDepth, -1));
            }
            boolean folded = !braceless && !lines.isEmpty() && lines.get(0).first().line() == openLine;
            blocks.add(new Block(keys, afterOpen, lines, folded, braceless));
        }
        return blocks;
    }
}
