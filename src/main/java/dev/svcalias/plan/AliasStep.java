package dev.svcalias.plan;

import dev.svcalias.cluster.ServiceEntryObject;
import java.util.Map;

/**
 * What apply does for one alias host. {@code before} is the managed ServiceEntry read from the cluster (null for a
 * create), {@code manifest} the one the file asks for (null for a delete); a FAILED step carries the reason in
 * {@code detail} and is never written. An UPDATE whose namespace changes is a create in the new namespace followed
 * by a delete of the old object.
 */
public record AliasStep(String host, Action action, String target, ServiceEntryObject before,
                        Map<String, Object> manifest, String detail) {
    public enum Action { CREATE, UPDATE, DELETE, UNCHANGED, FAILED }

    public boolean writes() {
        return action == Action.CREATE || action == Action.UPDATE || action == Action.DELETE;
    }

    /** The namespace the alias's ServiceEntry lives in (after the change, or before a delete). */
    @SuppressWarnings("unchecked")
    public String namespace() {
        if (manifest != null) {
            return String.valueOf(((Map<String, Object>) manifest.get("metadata")).get("namespace"));
        }
        return before == null ? "" : before.record().namespace();
    }

    public boolean moves() {
        return action == Action.UPDATE && !before.record().namespace().equals(namespace());
    }
}
