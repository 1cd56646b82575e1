package dev.svcalias.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A helm-controller {@code HelmChartConfig} (helm.cattle.io/v1) as read: {@code resourceVersion} is null when it
 * does not exist (a write then creates it); {@code valuesContent} is {@code spec.valuesContent}, empty when unset.
 * {@code annotations} are its svcalias.dev/ annotations; {@code labels} and {@code otherAnnotations} tell which
 * manager applied it; {@code structuredValueKeys} are the top-level keys of {@code spec.values}, which Helm reads
 * after valuesContent (they win), and {@code valuesSecrets} whether values also come from Secrets.
 */
public record HelmValuesSnapshot(String namespace, String name, String resourceVersion,
                                 Optional<String> valuesContent, Map<String, String> annotations,
                                 boolean createdBySvcalias, Map<String, String> labels,
                                 Map<String, String> otherAnnotations, Set<String> structuredValueKeys,
                                 boolean valuesSecrets) {
    public HelmValuesSnapshot {
        annotations = Map.copyOf(annotations);
        labels = Map.copyOf(labels);
        otherAnnotations = Map.copyOf(otherAnnotations);
        structuredValueKeys = Set.copyOf(structuredValueKeys);
    }

    public static HelmValuesSnapshot absent(String namespace, String name) {
        return new HelmValuesSnapshot(namespace, name, null, Optional.empty(), Map.of(), false, Map.of(), Map.of(),
                Set.of(), false);
    }

    public boolean exists() {
        return resourceVersion != null;
    }

    /** As kubectl names it. */
    public String ref() {
        return "helmchartconfig " + namespace + "/" + name;
    }
}
