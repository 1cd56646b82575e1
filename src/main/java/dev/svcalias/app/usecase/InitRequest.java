package dev.svcalias.app.usecase;

import dev.svcalias.app.mode.ModeName;
import dev.svcalias.app.zone.ClusterLayout;

/**
 * Inputs of {@code svcalias init}. {@code corednsVersion} null means "detect from the Deployment's image";
 * {@code mode} null means auto.
 */
public record InitRequest(String domain, String corednsVersion, boolean force, boolean restart, boolean dryRun,
                          ClusterLayout layout, ModeName mode) {
    public InitRequest(String domain, String corednsVersion, boolean force, boolean restart, boolean dryRun,
                       ClusterLayout layout) {
        this(domain, corednsVersion, force, restart, dryRun, layout, null);
    }
}
