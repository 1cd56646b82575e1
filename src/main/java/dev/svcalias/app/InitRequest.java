package dev.svcalias.app;

/** Inputs of {@code svcalias init}. {@code corednsVersion} null means "detect from the Deployment's image". */
public record InitRequest(String domain, String corednsVersion, boolean force, boolean restart, boolean dryRun,
                          ClusterLayout layout) {}
