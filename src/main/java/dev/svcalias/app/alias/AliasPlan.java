package dev.svcalias.app.alias;

import dev.svcalias.plan.Plan;
import java.util.Optional;

/**
 * What a backend would do for one alias: "created", "unchanged", "updated", "re-pointed", "removed", and the writes.
 * {@code repointedFrom} is the target ("svc.ns") a re-pointing plan moves the alias away from, so that the command
 * can name the way back; empty for every other status.
 */
public record AliasPlan(String status, Plan plan, Optional<String> repointedFrom) {

    public AliasPlan(String status, Plan plan) {
        this(status, plan, Optional.empty());
    }

    /** The alias pointed at {@code from} and the plan points it elsewhere. */
    public static AliasPlan repointed(String from, Plan plan) {
        return new AliasPlan("re-pointed", plan, Optional.of(from));
    }
}
