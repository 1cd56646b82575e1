package dev.svcalias.corefile;

import java.util.List;

/**
 * A plugin line: its name, the arguments on the same line, and every token of a nested { } block (kept flat,
 * braces included: svcalias only looks into them, never edits them).
 */
public record Directive(Token name, List<Token> args, List<Token> nested) {
    public String pluginName() {
        return name.text();
    }

    public int line() {
        return name.line();
    }

    public List<String> argTexts() {
        return args.stream().map(Token::text).toList();
    }

    /** Whether {@code option} starts a line of the nested block (e.g. kubernetes' {@code upstream}). */
    public boolean hasOption(String option) {
        int previousLine = -1;
        for (Token t : nested) {
            if (t.line() != previousLine && t.is(option)) {
                return true;
            }
            previousLine = t.endLine();
        }
        return false;
    }

    /** Offset just past the directive's last token. */
    public int end() {
        int end = name.end();
        for (Token t : args) {
            end = Math.max(end, t.end());
        }
        for (Token t : nested) {
            end = Math.max(end, t.end());
        }
        return end;
    }
}
