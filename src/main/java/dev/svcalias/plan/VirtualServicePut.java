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
}
