package dev.svcalias.app.alias;

import dev.svcalias.plan.Plan;

/** What a backend would do for one alias: "created", "unchanged", "re-pointed", "removed", and the writes. */
public record AliasPlan(String status, Plan plan) {}
