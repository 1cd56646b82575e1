package dev.svcalias.cluster;

import java.util.Map;

/** A node as detection sees it: its name, spec.providerID ("" when unset) and labels. */
public record NodeFacts(String name, String providerId, Map<String, String> labels) {
    public NodeFacts {
        labels = Map.copyOf(labels);
    }
}
