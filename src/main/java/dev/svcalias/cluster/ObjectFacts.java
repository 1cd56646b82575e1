package dev.svcalias.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What detection needs to know about one object, copied out of the API objects so detection is plain Java:
 * labels, annotations, ConfigMap data, container images (Deployments, DaemonSets) and the field managers that
 * wrote it (managedFields), which is how server-side-applying managers show themselves.
 */
public record ObjectFacts(String kind, String namespace, String name, Map<String, String> labels,
                          Map<String, String> annotations, Map<String, String> data, List<Container> containers,
                          List<String> fieldManagers) {
    public record Container(String name, String image) {}

    public ObjectFacts {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        data = Map.copyOf(data);
        containers = List.copyOf(containers);
        fieldManagers = List.copyOf(fieldManagers);
    }

    public String ref() {
        return kind.toLowerCase(java.util.Locale.ROOT) + " " + namespace + "/" + name;
    }

    public Optional<String> label(String key) {
        return Optional.ofNullable(labels.get(key));
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    /** The first label or annotation whose key starts with {@code prefix}, as "key=value". */
    public Optional<String> metadataWithPrefix(String prefix) {
        return java.util.stream.Stream.concat(labels.entrySet().stream(), annotations.entrySet().stream())
                .filter(e -> e.getKey().startsWith(prefix)).map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .findFirst();
    }
}
