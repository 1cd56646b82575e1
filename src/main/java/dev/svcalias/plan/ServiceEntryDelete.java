package dev.svcalias.plan;

import dev.svcalias.cluster.ServiceEntryRecord;

/** Delete a ServiceEntry svcalias manages. */
public record ServiceEntryDelete(ServiceEntryRecord entry, String summary) implements Change {
    @Override
    public String target() {
        return "serviceentry " + entry.namespace() + "/" + entry.name();
    }
}
