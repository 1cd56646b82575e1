package dev.svcalias.corefile;

import java.util.List;

/**
 * A plugin line: its name, the arguments on the same line, and every token of a nested { } block (kept flat:
 * svcalias only needs to look into them, never to edit them).
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
}
