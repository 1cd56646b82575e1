package dev.svcalias.plan;

/**
 * What apply does for one alias host, whatever the mode: the writes the zone's alias backend planned for it
 * ({@code plan}; empty when unchanged or failed). {@code address} is the A record DNS must answer for it (the
 * target's ClusterIP; empty when unknown, e.g. a headless target or a delete); a FAILED step carries the reason in
 * {@code detail} and is never written.
 */
public record AliasStep(String host, Action action, String target, String address, Plan plan, String detail) {
    public enum Action { CREATE, UPDATE, DELETE, UNCHANGED, FAILED }

    public static AliasStep failed(String host, String target, String reason) {
        return new AliasStep(host, Action.FAILED, target, "", Plan.of(), reason);
    }

    public boolean writes() {
        return action == Action.CREATE || action == Action.UPDATE || action == Action.DELETE;
    }

    /** The objects the step writes, as kubectl names them ("serviceentry ns/name", "service ns/name"). */
    public java.util.List<String> objects() {
        return plan.changes().stream().map(Change::target).toList();
    }
}
