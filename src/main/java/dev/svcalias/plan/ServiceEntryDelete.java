package dev.svcalias.plan;

import dev.svcalias.cluster.ServiceEntryRecord;

/** Delete a ServiceEntry svcalias manages. */
public record ServiceEntryDelete(ServiceEntryRecord entry, String summary) implements Change {
    @Override
    public String target() {
        return "serviceentry " + entry.namespace() + "/" + entry.name();
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
        return new Preview.ObjectDiff(target(), AliasStepDiffs.view(entry.manifest()), null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.serviceEntryDelete(this);
    }
}
