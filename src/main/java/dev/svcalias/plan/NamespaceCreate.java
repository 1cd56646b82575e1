package dev.svcalias.plan;

import java.util.Map;

/** Create the namespace that holds the aliases' ExternalName Services. */
public record NamespaceCreate(String namespace, Map<String, String> labels, String summary) implements Change {
    @Override
    public String target() {
        return "namespace " + namespace;
    }
}
