package dev.svcalias.app.usecase;

import dev.svcalias.app.zone.ClusterLayout;

/** Inputs of {@code svcalias alias add}. */
public record AliasRequest(String name, String target, String namespace, String domain, boolean force,
                           boolean dryRun, ClusterLayout layout) {}
