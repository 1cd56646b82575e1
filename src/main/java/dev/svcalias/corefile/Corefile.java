package dev.svcalias.corefile;

import java.util.List;

/**
 * A parsed Corefile. The model never re-renders: {@link #text()} is the input, byte for byte, and edits splice
 * new text at the offsets the model records. Top-level {@code import} lines are kept as their tokens.
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
}
