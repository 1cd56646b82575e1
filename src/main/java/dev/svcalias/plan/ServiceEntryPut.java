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
}
