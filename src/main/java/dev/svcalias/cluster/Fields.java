package dev.svcalias.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Typed reads of the maps {@link JsonReader} makes: a missing or differently typed field reads as absent. */
final class Fields {
    private Fields() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object object, String key) {
        Object value = object instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof Map<?, ?> v ? (Map<String, Object>) v : null;
    }

    static String string(Object object, String key) {
        Object value = object instanceof Map<?, ?> m ? m.get(key) : null;
        return value == null ? null : value.toString();
    }

    /** A string-to-string map (labels, annotations, data); null when absent. */
    static Map<String, String> strings(Object object, String key) {
        Map<String, Object> map = map(object, key);
        if (map == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        return out;
    }

    static List<Object> list(Object object, String key) {
        Object value = object instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof List<?> l ? List.copyOf(l.stream().filter(Objects::nonNull).toList()) : List.of();
    }

    /** The list answer's items. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> list) {
        return list(list, "items").stream().filter(Map.class::isInstance).map(o -> (Map<String, Object>) o).toList();
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The body of a DELETE conditional on {@code resourceVersion} (null: unconditional), as kubectl sends it. */
    static Map<String, Object> deleteOptions(String resourceVersion) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("apiVersion", "v1");
        options.put("kind", "DeleteOptions");
        if (resourceVersion != null) {
            options.put("preconditions", Map.of("resourceVersion", resourceVersion));
        }
        options.put("propagationPolicy", "Background");
        return options;
    }
}
