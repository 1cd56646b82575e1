package dev.svcalias.plan;

import dev.svcalias.cluster.AliasService;

/** Create ({@code previous == null}) or replace an alias's ExternalName Service. */
public record AliasServicePut(AliasService service, AliasService previous, String summary) implements Change {
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
        return Phase.PUT_OBJECT;
    }

    @Override
    public Preview dryRun() {
        return new Preview.Manifest((previous == null ? "create " : "replace ") + target(), Plan.manifest(service));
    }

    @Override
    public Preview objectDiff() {
        return new Preview.ObjectDiff(target(), previous == null ? null : AliasStepDiffs.view(Plan.manifest(previous)),
                AliasStepDiffs.view(Plan.manifest(service)));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.aliasServicePut(this);
    }
}
