package dev.svcalias.corefile;

import java.util.List;
import java.util.Optional;

/**
 * A parsed Corefile. The model never re-renders: {@link #text()} is the input, byte for byte, and edits splice
 * new text at the offsets the model records. {@code blocks} holds server blocks and snippets in file order;
 * {@code imports} the tokens of the top-level lines that import a snippet or file (pairs: the keyword,
 * then the pattern).
 */
public record Corefile(String text, List<ServerBlock> blocks, List<Token> imports) {
    public List<ServerBlock> serverBlocks() {
        return blocks.stream().filter(b -> !b.snippet()).toList();
    }

    public List<ServerBlock> snippets() {
        return blocks.stream().filter(ServerBlock::snippet).toList();
    }

    /** The blocks serving the root zone "." over DNS. */
    public List<ServerBlock> rootBlocks() {
        return serverBlocks().stream().filter(ServerBlock::isRoot).toList();
    }

    /** The snippet {@code import name} at {@code offset} expands: CoreDNS only knows snippets defined before. */
    Optional<ServerBlock> snippet(String name, int offset) {
        return snippets().stream().filter(s -> s.snippetName().equals(name) && s.end() <= offset).findFirst();
    }
}
