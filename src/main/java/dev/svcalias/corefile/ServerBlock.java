package dev.svcalias.corefile;

import java.util.List;
import java.util.Optional;

/**
 * A server block, or a snippet when its only key is "(name)". {@code start}/{@code end} are the offsets of its
 * first key and just past its closing brace (its last token when it has no braces) in the original text.
 * {@code leniency} says how the block departs from the grammar in a way CoreDNS (Caddy's parser) still loads: a
 * block without '{' that a '}' ends, or a block left open at the end of the file whose last token is a plugin's
 * '}'. svcalias reads such a file, warns, and never edits it.
 */
public record ServerBlock(List<Token> keys, List<Directive> directives, int start, int end, boolean snippet,
                          boolean braced, Optional<String> leniency) {
    ServerBlock(List<Token> keys, List<Directive> directives, int start, int end, boolean snippet, boolean braced) {
        this(keys, directives, start, end, snippet, braced, Optional.empty());
    }

    /** The keys as CoreDNS compares them; for a snippet, empty. */
    public List<ZoneKey> zoneKeys() {
        if (snippet) {
            return List.of();
        }
        return keys.stream().map(Token::text).filter(k -> !k.isEmpty() && !k.equals(",")).map(ZoneKey::parse).toList();
    }

    public boolean isRoot() {
        return zoneKeys().stream().anyMatch(ZoneKey::isRoot);
    }

    public boolean has(String plugin) {
        return directives.stream().anyMatch(d -> d.pluginName().equals(plugin));
    }

    public int line() {
        return keys.get(0).line();
    }

    /** The keys as written, separated by single spaces (commas kept), for messages. */
    public String keyText() {
        return String.join(" ", keys.stream().map(Token::text).toList());
    }

    /** "name" for the snippet "(name)". */
    public String snippetName() {
        String k = keys.get(0).text();
        return snippet ? k.substring(1, k.length() - 1) : "";
    }

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
