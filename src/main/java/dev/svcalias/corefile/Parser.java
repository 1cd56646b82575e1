package dev.svcalias.corefile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Caddyfile v1 structure over the lexer's tokens (coredns/caddy caddyfile/parse.go): keys run to the end of
 * their line (a trailing comma continues the list on the next line) or to a '{'; a directive runs to the end of
 * its line unless a '{' opens a nested block; a '}' closes the server block; snippets are brace-counted.
 *
 * <p>Where Caddy accepts something that cannot be what the author meant, this parser refuses it, because
 * svcalias must never edit a file it misreads: a stray top-level '}' (Caddy takes it as a key), a block without a
 * key, and an unterminated quote. Lenient shapes of Caddy's parser are read as CoreDNS reads them, and marked
 * on the block ({@link ServerBlock#leniency}): a '}' at the start of a line ends a brace-less block (parse.go
 * directives() stops at any '}'), a brace-less block after another block, and a block still open at the end of
 * the file when the file's last token is a '}' (closeCurlyBrace() only looks at the current token, which is then
 * a plugin block's '}').
 */
final class Parser {
    private final List<Token> tokens;
    private final String text;
    private int cursor;

    private Parser(List<Token> tokens, String text) {
        this.tokens = tokens;
        this.text = text;
    }

    static Corefile parse(String text) {
        Parser p = new Parser(Lexer.tokens(text), text);
        List<ServerBlock> blocks = new ArrayList<>();
        List<Token> imports = new ArrayList<>();
        Set<String> snippets = new HashSet<>();
        while (p.more()) {
            Token t = p.peek();
            if (t.is("import")) {
                imports.addAll(p.topLevelImport());
            } else if (t.is("}")) {
                throw error(t, "unexpected '}' with no matching opening brace");
            } else {
                ServerBlock b = p.block(blocks.isEmpty() && imports.isEmpty());
                if (b.snippet() && !snippets.add(b.snippetName())) {
                    throw error(b.keys().get(0), "redeclaration of previously declared snippet " + b.snippetName());
                }
                blocks.add(b);
            }
        }
        checkDuplicateKeys(blocks);
        return new Corefile(text, List.copyOf(blocks), List.copyOf(imports));
    }

    /** CoreDNS refuses a second key for one (transport, zone, port): "cannot serve dns://.:53 - it is already defined". */
    private static void checkDuplicateKeys(List<ServerBlock> blocks) {
        java.util.Map<String, Token> seen = new java.util.HashMap<>();
        for (ServerBlock b : blocks) {
            if (b.snippet()) {
                continue;
            }
            for (Token t : b.keys()) {
                String k = t.text();
                if (k.isEmpty() || k.equals(",")) {
                    continue;
                }
                ZoneKey key = ZoneKey.parse(k);
                if (key.placeholder() || key.port() < 0) {
                    continue; // only known when CoreDNS starts
                }
                Token first = seen.putIfAbsent(key.toString(), t);
                if (first != null) {
                    throw error(t, "cannot serve " + key + " - it is already defined (by '" + first.text()
                            + "' at line " + first.line() + "); CoreDNS refuses to load a Corefile with two blocks "
                            + "for one zone and port");
                }
            }
        }
    }

    private List<Token> topLevelImport() {
        Token imp = take();
        if (!more() || peek().line() != imp.endLine()) {
            throw error(imp, "import needs one argument (a file, a glob pattern or a snippet name)");
        }
        Token arg = take();
        if (more() && peek().line() == arg.endLine()) {
            throw error(peek(), "import takes only one argument, found another: '" + peek().text() + "'");
        }
        return List.of(imp, arg);
    }

    private ServerBlock block(boolean first) {
        List<Token> keys = keys();
        boolean snippet = keys.size() == 1 && keys.get(0).text().startsWith("(") && keys.get(0).text().endsWith(")");
        if (!more() && !snippet) {
            // a line of keys and nothing else: a server with no plugins (parse.go begin(), "eof")
            return new ServerBlock(keys, List.of(), keys.get(0).start(), last(keys).end(), false, false);
        }
        if (!more() || !peek().is("{")) {
            Token at = more() ? peek() : last(keys);
            if (snippet) {
                throw error(at, "expected '{' to open the snippet '" + keys.get(0).text() + "'");
            }
            return braceless(keys, first);
        }
        Token open = take();
        if (snippet) {
            return snippet(keys, open);
        }
        List<Directive> directives = new ArrayList<>();
        while (true) {
            if (!more()) {
                if (!directives.isEmpty() && tokens.get(cursor - 1).is("}")) {
                    return openAtEnd(keys, directives, open);
                }
                throw missingBrace(open);
            }
            if (peek().is("}")) {
                Token close = take();
                return new ServerBlock(keys, List.copyOf(directives), keys.get(0).start(), close.end(), false, true);
            }
            directives.add(directive());
        }
    }

    /** Caddy accepts it because the last token, a plugin block's '}', passes for the server block's. */
    private ServerBlock openAtEnd(List<Token> keys, List<Directive> directives, Token open) {
        Token last = tokens.get(cursor - 1);
        return new ServerBlock(keys, List.copyOf(directives), keys.get(0).start(), last.end(), false, true,
                Optional.of("line " + open.line() + ": the server block '" + String.join(" ", keys.stream()
                        .map(Token::text).toList()) + "' opened at line " + open.line() + ", column " + open.column()
                        + " is never closed; CoreDNS loads it only because the file's last token, the '}' at line "
                        + last.line() + ", closes a plugin's block; add the missing '}' at the end"));
    }

    /**
     * "Single-server configs don't need curly braces": the rest of the file is the block's directives, or up to
     * a '}' at the start of a line, which ends the block as in Caddy (more blocks may follow it).
     */
    private ServerBlock braceless(List<Token> keys, boolean first) {
        List<Directive> directives = new ArrayList<>();
        while (more()) {
            Token t = peek();
            if (t.is("}")) {
                take();
                return new ServerBlock(keys, List.copyOf(directives), keys.get(0).start(), t.end(), false, false,
                        Optional.of("line " + keys.get(0).line() + ": the server block '" + String.join(" ",
                                keys.stream().map(Token::text).toList()) + "' has no '{' after its keys, yet the '}'"
                                + " at line " + t.line() + ", column " + t.column() + " ends it (CoreDNS reads it so);"
                                + " was its '{' lost, e.g. to a '#' comment on the key line? put '{' after its keys"));
            }
            if (t.text().matches(".*[.:/].*") && !t.quoted()) {
                throw error(t, "'" + t.text() + "' looks like a server key on a line of its own; put the keys of "
                        + "a block on one line or end each line of keys with ',' (CoreDNS would read it as an "
                        + "unknown plugin)");
            }
            Directive d = directive();
            if (d.args().isEmpty() && !d.nested().isEmpty() && PluginHistory.of(d.pluginName()).isEmpty()) {
                throw error(d.name(), "'" + d.pluginName() + " {' after a server block without braces reads as a "
                        + "second server block, which CoreDNS refuses (\"Unknown directive '" + d.pluginName()
                        + "'\"); put '{' after the first block's keys and '}' at its end");
            }
            directives.add(d);
        }
        // a brace-less block after another block is Caddy's too, but hardly meant: the rest of the file is its
        Optional<String> lenient = first ? Optional.empty() : Optional.of("line " + keys.get(0).line() + ": the server"
                + " block '" + String.join(" ", keys.stream().map(Token::text).toList()) + "' has no braces, so "
                + "CoreDNS reads every line after it, to the end of the file, as its plugins; put '{' after its keys "
                + "and '}' at its end");
        return new ServerBlock(keys, List.copyOf(directives), keys.get(0).start(), tokens.get(tokens.size() - 1).end(),
                false, false, lenient);
    }

    /** Snippet bodies are only brace-counted by Caddy; the directives are read for queries when they parse. */
    private ServerBlock snippet(List<Token> keys, Token open) {
        int from = cursor;
        int depth = 1;
        Deque<Token> opened = new ArrayDeque<>(List.of(open));
        while (true) {
            if (!more()) {
                throw missingBrace(opened.peek());
            }
            Token t = take();
            if (t.is("{")) {
                depth++;
                opened.push(t);
            } else if (t.is("}")) {
                depth--;
                opened.pop();
                if (depth == 0) {
                    List<Directive> directives = bodyDirectives(tokens.subList(from, cursor - 1));
                    return new ServerBlock(keys, directives, keys.get(0).start(), t.end(), true, true);
                }
            }
        }
    }

    private List<Directive> bodyDirectives(List<Token> body) {
        Parser inner = new Parser(body, text);
        List<Directive> directives = new ArrayList<>();
        try {
            while (inner.more()) {
                directives.add(inner.directive());
            }
            return List.copyOf(directives);
        } catch (CorefileSyntaxException e) {
            return List.of(); // a snippet may hold whole server blocks or fragments; CoreDNS checks it where imported
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
            if (!more()) {
                if (expectingAnother) {
                    throw error(t, "expected another server key after ',' but the file ends");
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

    /** A plugin line. A '{' opens a nested block even at the start of the next line, as in Caddy's directive(). */
    private Directive directive() {
        Token name = take();
        if (name.is("{")) {
            throw error(name, "unexpected '{': a plugin name must come first on its line");
        }
        List<Token> args = new ArrayList<>();
        List<Token> nested = new ArrayList<>();
        Deque<Token> opened = new ArrayDeque<>();
        int lastLine = name.endLine();
        while (more()) {
            Token t = peek();
            if (opened.isEmpty() && t.line() != lastLine && !t.is("{")) {
                break;
            }
            take();
            lastLine = t.endLine();
            if (t.is("{")) {
                opened.push(t);
                nested.add(t);
            } else if (t.is("}")) {
                if (opened.isEmpty()) {
                    throw error(t, "unexpected '}' with no matching opening brace (a block cannot be written on "
                            + "one line: a plugin line runs to the end of the line)");
                }
                opened.pop();
                nested.add(t);
            } else if (!opened.isEmpty()) {
                nested.add(t);
            } else {
                args.add(t);
            }
        }
        if (!opened.isEmpty()) {
            throw missingBrace(opened.peek());
        }
        return new Directive(name, List.copyOf(args), List.copyOf(nested));
    }

    private CorefileSyntaxException missingBrace(Token open) {
        int line = 1 + (int) text.chars().filter(c -> c == '\n').count();
        int lineStart = text.lastIndexOf('\n') + 1;
        int column = 1 + text.codePointCount(lineStart, text.length());
        String glued = tokens.stream().filter(t -> t.start() > open.start() && t.text().startsWith("}")
                        && t.text().length() > 1 && !t.quoted()).findFirst()
                .map(t -> " ('" + t.text() + "' at line " + t.line() + ", column " + t.column() + " is a word, not a "
                        + "brace: a '}' needs whitespace after it)").orElse("");
        return new CorefileSyntaxException(line, column, "missing '}' for the block opened at line " + open.line()
                + ", column " + open.column() + glued);
    }

    private boolean more() {
        return cursor < tokens.size();
    }

    private Token peek() {
        return tokens.get(cursor);
    }

    private Token take() {
        return tokens.get(cursor++);
    }

    private static Token last(List<Token> list) {
        return list.get(list.size() - 1);
    }

    private static CorefileSyntaxException error(Token at, String problem) {
        return new CorefileSyntaxException(at.line(), at.column(), problem);
    }
}
