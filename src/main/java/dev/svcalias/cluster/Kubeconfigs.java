package dev.svcalias.cluster;

import dev.svcalias.error.SvcaliasException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The context names and the current context of one or more kubeconfig files, merged as kubectl merges
 * $KUBECONFIG: the first file that sets current-context wins, context names are the union in file order.
 */
record Kubeconfigs(List<String> contexts, String currentContext) {
    static Kubeconfigs parse(Map<Path, String> files) {
        List<String> names = new ArrayList<>();
        String current = null;
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Object parsed;
            try {
                parsed = new Yaml().load(file.getValue());
            } catch (YAMLException e) {
                throw SvcaliasException.usage("kubeconfig " + file.getKey() + " is not valid YAML: "
                        + ApiErrors.oneLine(String.valueOf(e.getMessage())), "check it with kubectl config view");
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                continue;
            }
            if (map.get("contexts") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> c && c.get("name") != null && !names.contains(c.get("name").toString())) {
                        names.add(c.get("name").toString());
                    }
                }
            }
            Object cc = map.get("current-context");
            if (current == null && cc != null && !cc.toString().isBlank()) {
                current = cc.toString();
            }
        }
        return new Kubeconfigs(List.copyOf(names), current);
    }
}
