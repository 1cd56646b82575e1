package dev.svcalias.testbed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * istiod's /debug/registryz (a JSON array of pilot/pkg/model.Service) read as hostname to addresses: the
 * service's {@code defaultAddress} and every address of its {@code clusterVIPs} (per cluster), without repeats.
 */
final class RegistryView {
    private RegistryView() {}

    static Map<String, List<String>> of(Object registryz) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Object item : (List<?>) registryz) {
            Map<?, ?> service = (Map<?, ?>) item;
            Set<String> addresses = new LinkedHashSet<>();
            if (service.get("defaultAddress") instanceof String a && !a.isEmpty()) {
                addresses.add(a);
            }
            collectText(service.get("clusterVIPs"), addresses);
            out.put(String.valueOf(service.get("hostname")), new ArrayList<>(addresses));
        }
        return out;
    }

    private static void collectText(Object node, Set<String> into) {
        if (node instanceof String s) {
            into.add(s);
        } else if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectText(v, into));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectText(v, into));
        }
    }
}
