package dev.svcalias.app.usecase;

import dev.svcalias.plan.AliasStep;

/** What happened to one alias step: done (or nothing to do) or not, in a few words. */
public record AliasOutcome(AliasStep step, boolean ok, String result) {}
