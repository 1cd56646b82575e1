package dev.svcalias.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Unified diff (like {@code diff -u}, three lines of context) between two texts. The edit script comes from
 * java-diff-utils (Myers' algorithm, linear in memory, so a 20 MB Corefile diffs too); this class only lays it out
 * in hunks as {@code diff -u} does, marking a last line without its newline.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** Empty string when the texts are equal. */
    public static String diff(String before, String after, String labelBefore, String labelAfter) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Edit> edits = edits(a, b);
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(labelBefore).append('\n');
        sb.append("+++ ").append(labelAfter).append('\n');
        List<Integer> changed = new ArrayList<>();
        for (int k = 0; k < edits.size(); k++) {
            if (edits.get(k).op != ' ') {
                changed.add(k);
            }
        }
        // changes closer than twice the context share a hunk, as diff -u does
        int first = 0;
        for (int k = 1; k <= changed.size(); k++) {
            if (k == changed.size() || changed.get(k) - changed.get(k - 1) > 2 * CONTEXT) {
                int from = Math.max(0, changed.get(first) - CONTEXT);
                int to = Math.min(edits.size(), changed.get(k - 1) + CONTEXT + 1);
                appendHunk(sb, edits.subList(from, to));
                first = k;
            }
        }
        return sb.toString();
    }

    private static void appendHunk(StringBuilder sb, List<Edit> hunk) {
        int oldStart = hunk.get(0).oldLine;
        int newStart = hunk.get(0).newLine;
        int oldCount = (int) hunk.stream().filter(e -> e.op != '+').count();
        int newCount = (int) hunk.stream().filter(e -> e.op != '-').count();
        sb.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            sb.append(e.op).append(e.text).append('\n');
            if (e.noNewline) {
                sb.append("\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : (count == 0 ? start - 1 : start) + "," + count;
    }

    /** The whole edit script: java-diff-utils' Myers diff, with the unchanged lines between its deltas. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++, j++) {
                edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
            }
            for (String line : delta.getSource().getLines()) {
                edits.add(new Edit('-', line, ++i, j + 1));
            }
            for (String line : delta.getTarget().getLines()) {
                edits.add(new Edit('+', line, i + 1, ++j));
            }
        }
        for (; i < a.size(); i++, j++) {
            edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
        }
        return edits;
    }

    /** Lines without terminators; a last line lacking its newline is marked so the diff shows it. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                lines.add(text.substring(start, k));
                start = k + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start) + NO_NEWLINE);
        }
        return lines;
    }

    private static final String NO_NEWLINE = "\u0000no-newline";

    private static final class Edit {
        final char op;
        final String text;
        final boolean noNewline;
        final int oldLine;
        final int newLine;

        Edit(char op, String raw, int oldLine, int newLine) {
            this.op = op;
            this.noNewline = raw.endsWith(NO_NEWLINE);
            this.text = noNewline ? raw.substring(0, raw.length() - NO_NEWLINE.length()) : raw;
            this.oldLine = oldLine;
            this.newLine = newLine;
        }
    }
}
