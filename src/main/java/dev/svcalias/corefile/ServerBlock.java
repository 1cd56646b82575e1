package dev.svcalias.corefile;

import java.util.List;

/**
 * A server block (or a snippet, when its only key is "(name)"). {@code start}/{@code end} are offsets of its first
 * key and just past its closing brace in the original text.
 */
public record ServerBlock(List<Token> keys, List<Directive> directives, int start, int end, boolean snippet) {
    public List<ZoneKey> zoneKeys() {
        return keys.stream().map(k -> ZoneKey.parse(k.text())).toList();
    }

    public boolean isRoot() {
        return !snippet && zoneKeys().stream().anyMatch(ZoneKey::isRoot);
    }

    public boolean has(String plugin) {
        return directives.stream().anyMatch(d -> d.pluginName().equals(plugin));
    }

    public int line() {
        return keys.get(0).line();
    }

    public String keyText() {
        return String.join(" ", keys.stream().map(Token::text).toList());
    }
}
