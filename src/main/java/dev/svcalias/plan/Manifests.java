package dev.svcalias.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares manifests as data: key order and number types (Integer from us, Long from the API) do not count. */
public final class Manifests {
    private Manifests() {}

    public static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(String.valueOf(k), normalise(v));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(v -> items.add(normalise(v)));
            return items;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        return value;
    }

    public static boolean same(Object a, Object b) {
        return normalise(a).equals(normalise(b));
    }
}
