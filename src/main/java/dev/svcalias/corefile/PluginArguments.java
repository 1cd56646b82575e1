package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What CoreDNS refuses in a plugin's arguments, whatever the release (issue 17, item 15; each rule seen from the
 * testbed's 1.1.2, 1.6.2 and 1.14.7 binaries, and read in the plugins' setup.go at those tags):
 * <ul>
 * <li>forward, grpc and proxy need FROM and at least one TO ({@code c.Args(&from)}, then
 *     {@code RemainingArgs()} empty: "Wrong argument count or unexpected line ending");</li>
 * <li>a property whose value is one of a fixed set takes exactly one of them (kubernetes {@code pods}: "wrong
 *     value for pods"; forward {@code policy}: "unknown policy");</li>
 * <li>a '{' that starts a line inside a plugin's block opens no property's block: Caddy's dispenser hands it to
 *     the plugin as a property, and every plugin refuses it ("unknown property '{'" or "Unexpected token '{'").</li>
 * </ul>
 */
final class PluginArguments {
    /** Plugins whose line is {@code NAME FROM TO...}. */
    private static final Set<String> FROM_AND_TO = Set.of("forward", "grpc", "proxy");

    /** Properties that take exactly one value from a fixed set, the same in every release read. */
    private static final Map<String, Map<String, List<String>>> ONE_OF = Map.of(
            "kubernetes", Map.of("pods", List.of("disabled", "verified", "insecure")),
            "forward", Map.of("policy", List.of("random", "round_robin", "sequential")));

    private PluginArguments() {}

    static void check(Directive d) {
        if (FROM_AND_TO.contains(d.pluginName()) && d.args().size() < 2) {
            throw error(d.name(), "plugin '" + d.pluginName() + "' needs FROM and at least one TO ('"
                    + d.pluginName() + " . 10.0.0.10'), " + (d.args().isEmpty() ? "it has no argument" : "it has only '"
                    + d.args().get(0).text() + "'") + "; CoreDNS refuses it (\"Wrong argument count\")");
        }
        Map<String, List<String>> enumerated = ONE_OF.getOrDefault(d.pluginName(), Map.of());
        for (List<Token> line : ownLines(d)) {
            Token first = line.get(0);
            if (first.is("{")) {
                throw error(first, "unknown property '{' of plugin '" + d.pluginName() + "': a '{' at the start of a "
                        + "line opens no property's block; CoreDNS refuses it");
            }
            List<String> values = enumerated.get(first.text());
            if (values != null) {
                oneOf(d, line, values);
            }
        }
    }

    private static void oneOf(Directive d, List<Token> line, List<String> values) {
        Token property = line.get(0);
        String choices = String.join(", ", values);
        if (line.size() != 2) {
            throw error(line.size() < 2 ? property : line.get(2), "'" + property.text() + "' of plugin '"
                    + d.pluginName() + "' takes exactly one value, one of: " + choices + "; CoreDNS refuses "
                    + (line.size() < 2 ? "it without one" : "more"));
        }
        Token value = line.get(1);
        if (!values.contains(value.text())) {
            throw error(value, "'" + value.text() + "' is not a value of '" + property.text() + "' (plugin '"
                    + d.pluginName() + "' takes one of: " + choices + "); CoreDNS refuses it");
        }
    }

    /** The lines of the plugin's own block (depth 1), each as its tokens; nested blocks inside are left out. */
    private static List<List<Token>> ownLines(Directive d) {
        List<List<Token>> lines = new ArrayList<>();
        List<Token> current = null;
        int depth = 0;
        int previousLine = -1;
        for (Token t : d.nested()) {
            boolean startsLine = t.line() != previousLine;
            previousLine = t.endLine();
            if (depth == 1 && startsLine) {
                current = new ArrayList<>();
                lines.add(current);
            }
            if (t.is("}") && depth > 0) {
                depth--;
                continue;
            }
            if (depth == 1 && current != null) {
                current.add(t);
            }
            if (t.is("{")) {
                depth++;
            }
        }
        lines.removeIf(List::isEmpty);
        return lines;
    }

    private static CorefileSyntaxException error(Token at, String problem) {
        return new CorefileSyntaxException(at.line(), at.column(), problem);
    }
}
