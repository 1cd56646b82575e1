package dev.svcalias.app;

import java.util.Map;

/**
 * One alias of a file, resolved against a cluster: the ServiceEntry it needs, or why it cannot have one there
 * ({@code problem} non-null, {@code manifest} null), e.g. its target Service does not exist.
 */
public record DesiredAlias(String host, String domain, String target, Map<String, Object> manifest,
                           String problem) {
    static DesiredAlias failed(String host, String domain, String target, String problem) {
        return new DesiredAlias(host, domain, target, null, problem);
    }
}
