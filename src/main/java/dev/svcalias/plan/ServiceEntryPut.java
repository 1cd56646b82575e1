package dev.svcalias.plan;

import dev.svcalias.cluster.ServiceEntryRecord;
import java.util.Map;

/** Create ({@code previous == null}) or replace a ServiceEntry with {@code manifest}. */
public record ServiceEntryPut(Map<String, Object> manifest, ServiceEntryRecord previous, String summary)
        implements Change {
    @Override
    @SuppressWarnings("unchecked")
    public String target() {
        Map<String, Object> meta = (Map<String, Object>) manifest.get("metadata");
        return "serviceentry " + meta.get("namespace") + "/" + meta.get("name");
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
        return new Preview.Manifest((previous == null ? "create " : "replace ") + target(), manifest);
    }

    @Override
    public Preview objectDiff() {
        return new Preview.ObjectDiff(target(), previous == null ? null : AliasStepDiffs.view(previous.manifest()),
                AliasStepDiffs.view(manifest));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.serviceEntryPut(this);
    }
}
