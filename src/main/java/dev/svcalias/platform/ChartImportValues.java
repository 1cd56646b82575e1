package dev.svcalias.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * RKE2's rke2-coredns chart values (a HelmChartConfig's {@code valuesContent}, YAML as text) with the three values
 * that make the chart's Corefile import kube-system/coredns-custom: {@code extraConfig.import} (rendered as a
 * top-level {@code import} line), a ConfigMap volume in {@code extraVolumes} and its mount in
 * {@code extraVolumeMounts} (docs/adr/0042-rke2-values-content-as-text.md). Edited as text so every byte the user
 * wrote stays: each piece svcalias adds is whole lines between marker comments, appended at the end when the key
 * is absent or put first under the key when it is a block; removing cuts exactly those lines. The result is
 * parsed again and compared with the input, so an edit that would change anything else is refused instead of
 * written.
 */
public final class ChartImportValues {
    public static final String BEGIN = "# svcalias:begin rke2-coredns-import";
    public static final String END = "# svcalias:end rke2-coredns-import";
    public static final String MOUNT = "/etc/coredns/custom";
    public static final String IMPORT = MOUNT + "/*.server";
    public static final String VOLUME = "svcalias-coredns-custom";
    private static final String NOTE = " - managed by svcalias, imports kube-system/coredns-custom";
    private static final Pattern MARKED = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(BEGIN) + ".*\\R(?s:.*?)^[ \\t]*"
            + Pattern.quote(END) + ".*(\\R|\\z)");

    private ChartImportValues() {}

    /** Whether svcalias's lines are in the values. */
    public static boolean present(String text) {
        return MARKED.matcher(text).find();
    }

    /**
     * The values with svcalias's import, volume and mount; unchanged when they are there.
     *
     * @throws IllegalArgumentException (the reason, for an exit-5 message) when the values are not a YAML map,
     *     already set {@code extraConfig.import}, write one of the three keys inline, or the edit would change more
     */
    public static String add(String text) {
        if (present(text)) {
            return text;
        }
        Map<String, Object> before = parse(text);
        if (before.get("extraConfig") instanceof Map<?, ?> extra && extra.containsKey("import")) {
            throw new IllegalArgumentException("its values already set extraConfig.import (" + extra.get("import")
                    + "), and the chart renders one import line");
        }
        String out = text;
        List<String> appended = new ArrayList<>();
        out = put(out, "extraConfig", List.of("import:", "  parameters: " + IMPORT), false, appended);
        out = put(out, "extraVolumes", List.of("- name: " + VOLUME, "  configMap:", "    name: coredns-custom",
                "    optional: true"), true, appended);
        out = put(out, "extraVolumeMounts", List.of("- name: " + VOLUME, "  mountPath: " + MOUNT,
                "  readOnly: true"), true, appended);
        if (!appended.isEmpty()) {
            String nl = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            out = out + nl + BEGIN + NOTE + "\n" + String.join("\n", appended) + "\n" + END + "\n";
        }
        Map<String, Object> after;
        try {
            after = parse(out);
        } catch (IllegalArgumentException e) {
            after = Map.of(); // the edit broke the YAML: reported as "would change other values" below
        }
        checkOnlyOursChanged(before, after);
        return out;
    }

    /** The values without svcalias's lines. */
    public static String remove(String text) {
        return MARKED.matcher(text).replaceAll("");
    }

    /**
     * Puts {@code lines} under top-level {@code key}: into its block (marked, at the block's indentation) when the
     * key is there, else as "key:" plus the lines into {@code appended}.
     */
    private static String put(String text, String key, List<String> lines, boolean list, List<String> appended) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "[ \\t]*:(.*)$").matcher(text);
        if (!m.find()) {
            appended.add(key + ":");
            lines.forEach(l -> appended.add((list ? "" : "  ") + l));
            return text;
        }
        String rest = m.group(1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new IllegalArgumentException("its values write " + key + " inline (" + rest + "); write it as a "
                    + "block so svcalias can add to it");
        }
        int lineEnd = m.end() < text.length() ? m.end() + 1 : m.end();
        String indent = childIndent(text.substring(lineEnd), list);
        StringBuilder piece = new StringBuilder();
        if (lineEnd == m.end()) {
            piece.append('\n');
        }
        piece.append(indent).append(BEGIN).append(NOTE).append('\n');
        lines.forEach(l -> piece.append(indent).append(l).append('\n'));
        piece.append(indent).append(END).append('\n');
        return text.substring(0, lineEnd) + piece + text.substring(lineEnd);
    }

    /** The indentation of the first content line of a block (a list may sit at column 0: "key:\n- a"). */
    private static String childIndent(String after, boolean list) {
        for (String line : after.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String indent = line.substring(0, line.indexOf(stripped.charAt(0)));
            if (!indent.isEmpty() || (list && stripped.startsWith("-"))) {
                return indent;
            }
            break;
        }
        return "  ";
    }

    private static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object o;
        try {
            o = new Yaml(options).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("its valuesContent is not valid YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (o == null) {
            return new LinkedHashMap<>();
        }
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("its valuesContent is not a YAML map");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** The parsed values after the edit are the ones before plus exactly svcalias's three pieces. */
    private static void checkOnlyOursChanged(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> expected = new LinkedHashMap<>(before);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (before.get("extraConfig") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> extra.put(String.valueOf(k), v));
        }
        extra.put("import", Map.of("parameters", IMPORT));
        expected.put("extraConfig", extra);
        expected.put("extraVolumes", plus(before.get("extraVolumes"), Map.of("name", VOLUME,
                "configMap", Map.of("name", "coredns-custom", "optional", true))));
        expected.put("extraVolumeMounts", plus(before.get("extraVolumeMounts"), Map.of("name", VOLUME,
                "mountPath", MOUNT, "readOnly", true)));
        if (!normalised(expected).equals(normalised(after))) {
            throw new IllegalArgumentException("svcalias could not add its lines without changing other values "
                    + "(unusual indentation?)");
        }
    }

    private static List<Object> plus(Object list, Object entry) {
        List<Object> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            out.add(entry);
            out.addAll(l);
            return out;
        }
        out.add(entry);
        return out;
    }

    /** Compares as data: maps by content, lists as multisets of entries (svcalias's entry goes first or last). */
    private static Object normalised(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalised(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(e -> out.add(String.valueOf(normalised(e))));
            out.sort(null);
            return out;
        }
        return o;
    }
}
