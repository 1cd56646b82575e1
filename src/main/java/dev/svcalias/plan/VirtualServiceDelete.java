package dev.svcalias.plan;

import dev.svcalias.cluster.VirtualServiceRecord;

/** Delete a VirtualService svcalias manages (conditional on the resourceVersion read). */
public record VirtualServiceDelete(VirtualServiceRecord route, String summary) implements Change {
    @Override
    public String target() {
        return "virtualservice " + route.namespace() + "/" + route.name();
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
        return new Preview.ObjectDiff(target(), AliasStepDiffs.view(route.manifest()), null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.virtualServiceDelete(this);
    }
}
