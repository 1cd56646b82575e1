package dev.svcalias.app.usecase;

import dev.svcalias.app.zone.ClusterLayout;

/** Inputs of {@code svcalias reset}; {@code domain} null means every zone svcalias manages. */
public record ResetRequest(String domain, boolean aliases, boolean restoreBackup, boolean dryRun,
                           ClusterLayout layout) {}
