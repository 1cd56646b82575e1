package dev.svcalias.plan;

/** Delete the aliases namespace svcalias created (reset --aliases), once it holds nothing else. */
public record NamespaceDelete(String namespace, String summary) implements Change {
    @Override
    public String target() {
        return "namespace " + namespace;
    }
}
