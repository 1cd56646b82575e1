package dev.svcalias.plan;

import java.util.Map;

/** Create the namespace that holds the aliases' ExternalName Services. */
public record NamespaceCreate(String namespace, Map<String, String> labels, String summary) implements Change {
    @Override
    public String target() {
        return "namespace " + namespace;
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Phase phase() {
        return Phase.CREATE_NAMESPACE;
    }

    @Override
    public Preview dryRun() {
        return new Preview.Note("create " + target());
    }

    @Override
    public Preview objectDiff() {
        return new Preview.Note(summary() + ": " + target());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.namespaceCreate(this);
    }
}
