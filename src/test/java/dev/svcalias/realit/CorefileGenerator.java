package dev.svcalias.realit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Corefiles for differential fuzzing: generated from a small grammar of what real Corefiles contain (several
 * keys per block, ports, dns:// schemes, snippets and imports, quoted arguments with braces, comments, tabs, CRLF,
 * plugins with and without option blocks), and mutated at the character, line and block level (which makes
 * duplicate zones, brace-less blocks, stray braces and cut quotes; and, since issue 17's item 15, plugins and
 * properties cut to their name, a '{' alone inside a plugin's block, ports past 65535 or negative, and values a
 * property does not take). Only plugins that load without the network (kubernetes reads the testbed's API server).
 */
final class CorefileGenerator {
    private static final String[] ZONES = {".", "example.org", "internal", "Internal.", "dns://corp.example",
        "10.in-addr.arpa", "mesh.local", "a.b.c.example"};
    private static final String[] PORTS = {"", ":53", ":53", ":5353", ":8053"};
    private static final String[] SIMPLE = {"errors", "log", "cache 30", "reload", "loadbalance", "whoami", "debug",
        "minimal", "any", "chaos", "cache", "reload 10s", "log . \"{remote} {name}\"", "errors {\n consolidate 5m "
        + "\".* i/o timeout$\"\n}", "forward . 8.8.8.8 1.1.1.1", "forward . /etc/resolv.conf {\n max_concurrent 1000\n}",
        "rewrite name exact foo.example.org bar.example.org", "hosts {\n 10.0.0.1 a.example.org\n fallthrough\n}",
        "template IN AAAA {\n rcode NOERROR\n}", "template IN A example.org {\n answer \"{{ .Name }} 60 IN A 10.0.0.9\"\n}",
        "cache 30 {\n success 1000\n denial 100\n}", "health", "ready", "prometheus :9153",
        "kubernetes cluster.local in-addr.arpa ip6.arpa {\n pods insecure\n fallthrough in-addr.arpa ip6.arpa\n}",
        "forward . 8.8.8.8 {\n policy sequential\n}"};
    private static final String[] BAD_PORTS = {":99999", ":65536", ":-1"};
    private static final String[][] WRONG_VALUES = {{"insecure", "sometimes"}, {"sequential", "fastest"}};
    private static final String NOISE = "{}\"#\\ \t\n;:.$";
    private final Random random;

    CorefileGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A new Corefile from the grammar. */
    String generate() {
        StringBuilder sb = new StringBuilder();
        String indent = random.nextBoolean() ? "    " : random.nextBoolean() ? "\t" : "  ";
        if (random.nextInt(4) == 0) {
            sb.append("# generated\n");
        }
        boolean snippet = random.nextInt(4) == 0;
        if (snippet) {
            sb.append("(common) {\n").append(indent).append("errors\n").append(indent).append("cache 30\n}\n");
        }
        int blocks = 1 + random.nextInt(3);
        List<String> used = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            String port = b == 0 ? PORTS[random.nextInt(PORTS.length)] : used.get(0).contains(":") ? used.get(0)
                    .substring(used.get(0).lastIndexOf(':')) : "";
            String zone = b == 0 ? "." : ZONES[1 + random.nextInt(ZONES.length - 1)];
            String key = zone + port;
            if (random.nextInt(6) == 0) {
                key = key + " " + ZONES[1 + random.nextInt(ZONES.length - 1)] + port;
            }
            used.add(key);
            sb.append(key).append(random.nextInt(5) == 0 ? "  {" : " {").append('\n');
            if (snippet && random.nextBoolean()) {
                sb.append(indent).append("import common\n");
            }
            int plugins = 1 + random.nextInt(5);
            for (int p = 0; p < plugins; p++) {
                String plugin = SIMPLE[random.nextInt(SIMPLE.length)].replace("\n ", "\n" + indent + indent)
                        .replace("\n}", "\n" + indent + "}");
                sb.append(indent).append(plugin);
                if (random.nextInt(8) == 0) {
                    sb.append(" # note");
                }
                sb.append(random.nextInt(10) == 0 ? " \n" : "\n");
            }
            sb.append("}\n");
            if (random.nextInt(4) == 0) {
                sb.append('\n');
            }
        }
        String text = sb.toString();
        if (random.nextInt(6) == 0) {
            text = text.replace("\n", "\r\n");
        }
        if (random.nextInt(6) == 0) {
            text = text.stripTrailing();
        }
        return text;
    }

    /** How many lines the snippet starting at {@code from} takes, its closing '}' included. */
    private static int skipBlock(List<String> lines, int from) {
        int end = from + 1;
        while (end < lines.size() && !lines.get(end).startsWith("}")) {
            end++;
        }
        return end + 1 - from;
    }

    /** One or two mutations of {@code text}. */
    String mutate(String text) {
        String x = mutateOnce(text);
        return random.nextInt(3) == 0 ? mutateOnce(x) : x;
    }

    private String mutateOnce(String text) {
        if (text.isEmpty()) {
            return "}";
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(text.length());
        int line = random.nextInt(lines.size());
        return switch (random.nextInt(14)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + NOISE.charAt(random.nextInt(NOISE.length())) + text.substring(at);
            case 2 -> {
                lines.add(line, lines.get(line));
                yield String.join("\n", lines);
            }
            case 3 -> {
                lines.remove(line);
                yield String.join("\n", lines);
            }
            case 4 -> {
                if (line + 1 < lines.size()) {
                    lines.add(line + 1, lines.remove(line));
                }
                yield String.join("\n", lines);
            }
            case 5 -> { // a second block with the first block's keys
                int open = text.indexOf('{');
                int close = text.indexOf("\n}");
                yield open > 0 && close > open ? text + "\n" + text.substring(0, close + 2) + "\n" : text;
            }
            case 6 -> text.replaceFirst("\\s*\\{\\s*\n", "\n").replaceFirst("\n}", "\n"); // drop a block's braces
            case 7 -> text.replace("\n", "\r\n");
            case 8 -> {
                int brace = text.lastIndexOf('}');
                yield brace < 0 ? text : text.substring(0, brace) + text.substring(brace + 1);
            }
            case 9 -> text.substring(0, at) + "\"" + text.substring(at);
            case 10 -> { // a line cut to its first word: a plugin or a property without its arguments
                String l = lines.get(line);
                String first = l.strip().split("\\s+")[0];
                lines.set(line, l.substring(0, l.length() - l.stripLeading().length()) + first);
                yield String.join("\n", lines);
            }
            case 11 -> { // a '{' alone on a line after a line that opens a block
                for (int i = 0; i < lines.size(); i++) {
                    int l = (line + i) % lines.size();
                    if (lines.get(l).stripTrailing().endsWith("{")) {
                        lines.add(l + 1, "        {");
                        break;
                    }
                }
                yield String.join("\n", lines);
            }
            case 12 -> { // a port no socket can have on the first key
                String port = BAD_PORTS[random.nextInt(BAD_PORTS.length)];
                int k = 0;
                while (k + 1 < lines.size() && (lines.get(k).isBlank() || lines.get(k).startsWith("#")
                        || lines.get(k).startsWith("("))) {
                    k += lines.get(k).startsWith("(") ? skipBlock(lines, k) : 1;
                }
                int keyLine = Math.min(k, lines.size() - 1);
                String first = lines.get(keyLine);
                int space = first.indexOf(' ');
                String key = space < 0 ? first : first.substring(0, space);
                String bare = key.replaceFirst(":[0-9]+$", "");
                lines.set(keyLine, bare + port + first.substring(key.length()));
                yield String.join("\n", lines);
            }
            default -> { // a value a property does not take
                String[] wrong = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
                yield text.contains(wrong[0]) ? text.replaceFirst(wrong[0], wrong[1]) : text.replace(" {\n", " {\n{\n");
            }
        };
    }
}
