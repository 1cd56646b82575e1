package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;

/**
 * Caddyfile v1 structure over the lexer's tokens (coredns/caddy parse.go): keys up to '{' (a trailing comma
 * continues the list onto the next line), directives run to the end of their line unless a '{' opens a nested
 * block, a '}' that starts a line closes the server block, and a single brace-less block may take the whole file.
 */
final class Parser {
    private final List<Token> tokens;
    private final int eofLine;
    private final int eofColumn;
    private int cursor;

    private Parser(List<Token> tokens, String text) {
        this.tokens = tokens;
        this.eofLine = 1 + (int) text.chars().filter(c -> c == '\n').count();
        this.eofColumn = text.length() - text.lastIndexOf('\n');
    }

    static Corefile parse(String text) {
        Parser p = new Parser(Lexer.tokens(text), text);
        List<ServerBlock> blocks = new ArrayList<>();
        List<Token> imports = new ArrayList<>();
        while (p.cursor < p.tokens.size()) {
            Token t = p.peek();
            if (t.is("import")) {
                imports.addAll(p.topLevelImport());
            } else {
                blocks.add(p.block(blocks.isEmpty()));
            }
        }
        return new Corefile(text, List.copyOf(blocks), List.copyOf(imports));
    }

    private List<Token> topLevelImport() {
        Token imp = take();
        if (cursor >= tokens.size() || peek().line() != imp.endLine()) {
            throw error(imp, "import takes one argument (a file or glob pattern)");
        }
        Token arg = take();
        if (cursor < tokens.size() && peek().line() == arg.endLine() && !peek().is("{")) {
            throw error(peek(), "import takes only one argument, found another: '" + peek().text() + "'");
        }
        return List.of(imp, arg);
    }

    private ServerBlock block(boolean first) {
        List<Token> keys = keys();
        if (cursor >= tokens.size() || !peek().is("{")) {
            if (!first || keys.get(0).text().startsWith("(")) {
                Token at = cursor < tokens.size() ? peek() : keys.get(keys.size() - 1);
                throw error(at, "expected '{' to open the server block for '" + keys.get(0).text() + "'");
            }
            // a single brace-less server block takes the rest of the file
            List<Directive> directives = new ArrayList<>();
            while (cursor < tokens.size()) {
                if (peek().is("}")) {
                    throw error(peek(), "unexpected '}' with no matching opening brace");
                }
                directives.add(directive());
            }
            return new ServerBlock(keys, directives, keys.get(0).start(), tokens.get(tokens.size() - 1).end(), false);
        }
        Token open = take();
        List<Directive> directives = new ArrayList<>();
        while (true) {
            if (cursor >= tokens.size()) {
                throw new CorefileSyntaxException(eofLine, eofColumn, "end of file: missing '}' for the block "
                        + "opened at line " + open.line() + ", column " + open.column());
            }
            if (peek().is("}")) {
                Token close = take();
                boolean snippet = keys.size() == 1 && keys.get(0).text().startsWith("(")
                        && keys.get(0).text().endsWith(")");
                return new ServerBlock(keys, directives, keys.get(0).start(), close.end(), snippet);
            }
            directives.add(directive());
        }
    }

    private List<Token> keys() {
        List<Token> keys = new ArrayList<>();
        boolean expectingAnother = false;
        while (true) {
            Token t = take();
            if (t.is("{")) {
                throw error(t, expectingAnother ? "expected another server key after ',' but found '{'"
                        : "a server block needs a key (zone) before '{'");
            }
            if (t.is("}")) {
                throw error(t, "unexpected '}' with no matching opening brace");
            }
            expectingAnother = t.text().endsWith(",");
            keys.add(t);
            if (cursor >= tokens.size()) {
                if (expectingAnother) {
                    throw error(t, "expected another server key after ','");
                }
                return keys;
            }
            Token next = peek();
            if (next.is("{")) {
                if (expectingAnother) {
                    throw error(next, "expected another server key after ',' but found '{'");
                }
                return keys;
            }
            if (next.line() != t.endLine() && !expectingAnother) {
                return keys;
            }
        }
    }

    private Directive directive() {
        Token name = take();
        if (name.is("{")) {
            throw error(name, "unexpected '{': a directive (plugin name) must come first on its line");
        }
        List<Token> args = new ArrayList<>();
        List<Token> nested = new ArrayList<>();
        int nesting = 0;
        int lastLine = name.endLine();
        while (cursor < tokens.size()) {
            Token t = peek();
            boolean newLine = t.line() != lastLine;
            if (nesting == 0 && newLine) {
                break;
            }
            take();
            lastLine = t.endLine();
            if (t.is("{")) {
                nesting++;
                nested.add(t);
            } else if (t.is("}")) {
                if (nesting == 0) {
                    throw error(t, "unexpected '}' with no matching opening brace (a block must not be "
                            + "written on one line)");
                }
                nesting--;
                nested.add(t);
            } else if (nesting > 0) {
                nested.add(t);
            } else {
                args.add(t);
            }
        }
        if (nesting > 0) {
            throw error(name, "missing '}' for the block of '" + name.text() + "'");
        }
        return new Directive(name, List.copyOf(args), List.copyOf(nested));
    }

    private Token peek() {
        return tokens.get(cursor);
    }

    private Token take() {
        return tokens.get(cursor++);
    }

    private static CorefileSyntaxException error(Token at, String problem) {
        return new CorefileSyntaxException(at.line(), at.column(), problem);
    }
}
