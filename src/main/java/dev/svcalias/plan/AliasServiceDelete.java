package dev.svcalias.plan;

import dev.svcalias.cluster.AliasService;

/** Delete an alias's ExternalName Service (conditional on the resourceVersion read). */
public record AliasServiceDelete(AliasService service, String summary) implements Change {
    @Override
    public String target() {
        return "service " + service.namespace() + "/" + service.name();
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Phase phase() {
        return Phase.DELETE_OBJECT;
    }

    @Override
    public Preview dryRun() {
        return new Preview.Note("delete " + target());
    }

    @Override
    public Preview objectDiff() {
        return new Preview.ObjectDiff(target(), AliasStepDiffs.view(Plan.manifest(service)), null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.aliasServiceDelete(this);
    }
}
