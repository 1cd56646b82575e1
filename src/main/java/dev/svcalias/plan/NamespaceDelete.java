package dev.svcalias.plan;

/** Delete the aliases namespace svcalias created (reset --aliases), once it holds nothing else. */
public record NamespaceDelete(String namespace, String summary) implements Change {
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
        return Phase.DELETE_NAMESPACE;
    }

    @Override
    public Preview dryRun() {
        return new Preview.Note("delete " + target());
    }

    @Override
    public Preview objectDiff() {
        return new Preview.Note(summary() + ": " + target());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.namespaceDelete(this);
    }
}
