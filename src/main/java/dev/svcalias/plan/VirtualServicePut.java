package dev.svcalias.plan;

import dev.svcalias.cluster.VirtualServiceRecord;
import java.util.Map;

/** Create ({@code previous == null}) or replace istio mode's VirtualService of an alias with {@code manifest}. */
public record VirtualServicePut(Map<String, Object> manifest, VirtualServiceRecord previous, String summary)
        implements Change {
    @Override
    public String target() {
        Map<?, ?> meta = (Map<?, ?>) manifest.get("metadata");
        return "virtualservice " + meta.get("namespace") + "/" + meta.get("name");
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
        return visitor.virtualServicePut(this);
    }
}
