package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the root block listens when it binds (issue 17, item 4). CoreDNS gives a query to the server bound to the
 * address it came to; a block without {@code bind} next to {@code .:53 { bind 127.0.0.2 }} listens elsewhere, and
 * queries to 127.0.0.2 never reach it. So svcalias's block copies the root block's bind lines as written (several
 * addresses, interface names, an {@code except} block, placeholders). Root blocks that bind differently (one per
 * port) cannot be followed by svcalias's one block on every root port: refused, saying where.
 */
final class RootBind {
    private final List<Directive> binds;
    private final String text;

    private RootBind(List<Directive> binds, String text) {
        this.binds = binds;
        this.text = text;
    }

    static RootBind of(Corefile corefile) {
        List<ServerBlock> roots = corefile.rootBlocks();
        List<Directive> first = binds(corefile, roots.get(0));
        for (ServerBlock other : roots.subList(1, roots.size())) {
            List<Directive> binds = binds(corefile, other);
            if (!shape(binds).equals(shape(first))) {
                throw new CorefileException("line " + roots.get(0).line() + ": the root block '" + roots.get(0).keyText()
                        + "' " + describe(first, corefile.text()) + " but the root block '" + other.keyText()
                        + "' at line " + other.line() + " " + describe(binds, corefile.text()) + "; svcalias's one "
                        + "block for the zone listens on every root port and can bind only one way; give the root "
                        + "blocks the same bind lines (or none)");
            }
        }
        return new RootBind(first, corefile.text());
    }

    /** Each bind line as written, from its name to its last token (a nested block keeps its own lines). */
    List<String> lines() {
        return binds.stream().map(d -> text.substring(d.name().start(), d.end())).toList();
    }

    /**
     * Where svcalias's alias zone sends its rewritten queries back to this CoreDNS: the root block's first port on
     * 127.0.0.1 without bind, else on the first address the bind lines name (a wildcard counts as loopback).
     */
    String self(int port) {
        if (binds.isEmpty()) {
            return "127.0.0.1:" + port;
        }
        Optional<String> address = binds.stream().flatMap(d -> d.argTexts().stream()).filter(RootBind::isIp)
                .findFirst();
        if (address.isEmpty()) {
            throw new CorefileException("line " + binds.get(0).line() + ": the root block binds ('"
                    + lines().get(0).lines().findFirst().orElse("") + "') to no IP address svcalias can send the "
                    + "zone's rewritten queries back to; bind an IP address (as well), e.g. 'bind 127.0.0.1 ...'");
        }
        String a = address.get();
        return switch (a) {
            case "0.0.0.0" -> "127.0.0.1:" + port;
            case "::" -> "[::1]:" + port;
            default -> (a.contains(":") ? "[" + a + "]" : a) + ":" + port;
        };
    }

    private static List<Directive> binds(Corefile corefile, ServerBlock block) {
        List<Directive> binds = new ArrayList<>();
        for (Directive d : PluginCheck.expanded(corefile, block)) {
            if (d.pluginName().equals("bind")) {
                binds.add(d);
            }
        }
        return binds;
    }

    private static List<String> shape(List<Directive> binds) {
        return binds.stream().map(d -> String.join(" ", Stream.concat(d.args().stream(), d.nested().stream())
                .map(Token::text).toList())).toList();
    }

    private static String describe(List<Directive> binds, String text) {
        return binds.isEmpty() ? "has no bind line" : "binds with '" + text.substring(binds.get(0).name().start(),
                binds.get(0).end()).lines().findFirst().orElse("") + "' (line " + binds.get(0).line() + ")";
    }

    private static boolean isIp(String word) {
        return word.matches("(\\d{1,3}\\.){3}\\d{1,3}") || (word.contains(":") && word.matches("[0-9a-fA-F:.]+"));
    }
}
