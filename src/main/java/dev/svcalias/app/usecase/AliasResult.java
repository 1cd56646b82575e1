package dev.svcalias.app.usecase;

import dev.svcalias.plan.Plan;

/** What alias add or alias remove did. */
public record AliasResult(String alias, String host, String target, String address, String namespace,
                          String status, Plan plan) {
}
