package dev.svcalias.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * What helm-controller does with RKE2's rke2-coredns chart, as far as DNS is concerned, so a RealIT can load the
 * Corefile a cluster would get: Helm's merge of the chart's default values with a HelmChartConfig's valuesContent
 * (maps merged key by key, lists and scalars replaced whole, null deletes), then the chart's Corefile template.
 * Written from the template (coredns/helm templates/configmap.yaml with rancher/rke2-charts' configmap.yaml.patch):
 * <pre>
 * {{- range $name, $conf := .Values.extraConfig }}
 * {{ $name }}{{ if $conf.parameters }} {{ $conf.parameters }}{{ end }}
 * {{- end }}
 * {{ range .Values.servers }}
 * {{- range $idx, $zone := .zones }}{{ if $idx }} {{ else }}{{ end }}{{ default "" $zone.scheme }}{{ default "." $zone.zone }}{{ else }}.{{ end -}}
 * {{- if .port }}:{{ .port }} {{ end -}}
 * {
 *   {{- range .plugins }}
 *     {{ .name }}{{ if .parameters }} {{if eq .name "kubernetes" }} {{ coalesce $.Values.global.clusterDomain "cluster.local" }} {{ end }} {{.parameters}}{{ end }}{{ if .configBlock }} {
 * {{ .configBlock | indent 12 }}
 *     }{{ end }}
 *   {{- end }}
 * }
 * {{ end }}
 * </pre>
 * inside {@code Corefile: |-} at indentation 4, so the YAML block scalar removes 4 spaces from every line and the
 * final line breaks. Go templates range over a map in key order.
 */
public final class Rke2CorednsChart {
    private Rke2CorednsChart() {}

    /** The chart's default values (platforms/rke2/rke2-coredns-values.yaml). */
    public static Map<String, Object> defaults() {
        try (InputStream in = Rke2CorednsChart.class.getResourceAsStream("/platforms/rke2/rke2-coredns-values.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's coalescing of {@code override} over {@code base}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        if (override == null) {
            return out;
        }
        override.forEach((k, v) -> {
            if (v == null) {
                out.remove(k);
            } else if (v instanceof Map<?, ?> m && out.get(k) instanceof Map<?, ?> b) {
                out.put(k, merge((Map<String, Object>) b, (Map<String, Object>) m));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The chart's defaults merged with a HelmChartConfig's valuesContent. */
    public static Map<String, Object> values(String valuesContent) {
        return merge(defaults(), new Yaml().load(valuesContent));
    }

    /** The Corefile key of the rendered ConfigMap rke2-coredns-rke2-coredns. */
    @SuppressWarnings("unchecked")
    public static String corefile(Map<String, Object> values) {
        StringBuilder t = new StringBuilder(); // the block scalar's lines, before YAML removes the indentation
        Map<String, Object> extra = new TreeMap<>((Map<String, Object>) values.getOrDefault("extraConfig", Map.of()));
        extra.forEach((name, conf) -> {
            Object params = conf instanceof Map<?, ?> m ? m.get("parameters") : null;
            t.append("\n    ").append(name).append(truthy(params) ? " " + params : "");
        });
        t.append("\n    ");
        String clusterDomain = String.valueOf(((Map<String, Object>) values.getOrDefault("global", Map.of()))
                .getOrDefault("clusterDomain", ""));
        for (Object o : (List<Object>) values.getOrDefault("servers", List.of())) {
            Map<String, Object> server = (Map<String, Object>) o;
            List<Object> zones = (List<Object>) server.getOrDefault("zones", List.of());
            List<String> keys = new ArrayList<>();
            for (Object z : zones) {
                Map<String, Object> zone = (Map<String, Object>) z;
                keys.add(string(zone.get("scheme"), "") + string(zone.get("zone"), "."));
            }
            t.append(keys.isEmpty() ? "." : String.join(" ", keys));
            if (truthy(server.get("port"))) {
                t.append(':').append(server.get("port")).append(' ');
            }
            t.append('{');
            for (Object p : (List<Object>) server.getOrDefault("plugins", List.of())) {
                Map<String, Object> plugin = (Map<String, Object>) p;
                t.append("\n        ").append(plugin.get("name"));
                if (truthy(plugin.get("parameters"))) {
                    t.append(' ');
                    if ("kubernetes".equals(plugin.get("name"))) {
                        t.append(' ').append(clusterDomain.isEmpty() ? "cluster.local" : clusterDomain).append(' ');
                    }
                    t.append(' ').append(plugin.get("parameters"));
                }
                if (truthy(plugin.get("configBlock"))) {
                    t.append(" {\n").append(indent(String.valueOf(plugin.get("configBlock")), 12))
                            .append("\n        }");
                }
            }
            t.append("\n    }\n    ");
        }
        return blockScalar(t.toString());
    }

    /** YAML's {@code |-}: indentation from the first non-empty line removed, final line breaks stripped. */
    private static String blockScalar(String body) {
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        lines.remove(0); // the text after "Corefile: |-" on its own line is empty
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.length() >= 4 && line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
        }
        return out.toString().replaceAll("\\s+$", "");
    }

    private static String indent(String text, int n) {
        String pad = " ".repeat(n);
        return pad + text.replace("\n", "\n" + pad);
    }

    private static boolean truthy(Object o) {
        return o != null && !(o instanceof String s && s.isEmpty()) && !Boolean.FALSE.equals(o)
                && !(o instanceof Number n && n.doubleValue() == 0);
    }

    private static String string(Object o, String otherwise) {
        return truthy(o) ? String.valueOf(o) : otherwise;
    }
}
