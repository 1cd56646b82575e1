package dev.svcalias.app;

/** Inputs of {@code svcalias alias add}. */
public record AliasRequest(String name, String target, String namespace, String domain, boolean force,
                           boolean dryRun, ClusterLayout layout) {}
