package dev.svcalias.app.write;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.HelmValuesSnapshot;
import dev.svcalias.cluster.KeySnapshot;
import dev.svcalias.cluster.OperatorDnsSnapshot;
import dev.svcalias.cluster.OperatorServer;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.ChartValuesChange;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.KeyEdit;
import dev.svcalias.plan.OperatorServerChange;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the platform changes (a ConfigMap key, an OpenShift DNS server entry) like {@link PlanApplier} applies
 * Corefiles: conditional on the read; on 409 re-read, recompute, retry a bounded number of times; the returned
 * undo puts back what was replaced, again conditionally.
 */
final class KeyWriter {
    private final Cluster cluster;

    KeyWriter(Cluster cluster) {
        this.cluster = cluster;
    }

    Runnable write(ConfigMapKeyChange change) {
        KeySnapshot read = change.before();
        KeyEdit edit = change.edit();
        for (int attempt = 1; ; attempt++) {
            try {
                KeySnapshot written = cluster.configMapKeys().write(read, edit.value(), edit.annotations());
                KeySnapshot original = read;
                Map<String, Optional<String>> back = restoring(original, edit);
                return () -> cluster.configMapKeys().write(written, original.value(), back);
            } catch (ConflictException e) {
                giveUpAfter(attempt, change.target(), e);
                read = cluster.configMapKeys().read(change.before().ref());
                edit = change.recompute().apply(read);
            }
        }
    }

    Runnable write(OperatorServerChange change) {
        OperatorDnsSnapshot read = change.before();
        for (int attempt = 1; ; attempt++) {
            try {
                cluster.dnsOperator().write(read, change.serverName(), change.after());
                Optional<OperatorServer> previous = read.server(change.serverName());
                return () -> cluster.dnsOperator().read(change.before().name()).ifPresent(now ->
                        cluster.dnsOperator().write(now, change.serverName(), previous));
            } catch (ConflictException e) {
                giveUpAfter(attempt, change.target(), e);
                read = cluster.dnsOperator().read(change.before().name()).orElseThrow(() -> SvcaliasException.state(
                        change.target() + " was deleted while svcalias edited it", "check the DNS operator"));
            }
        }
    }

    Runnable write(ChartValuesChange change) {
        HelmValuesSnapshot read = change.before();
        KeyEdit edit = change.edit();
        for (int attempt = 1; ; attempt++) {
            try {
                HelmValuesSnapshot written = cluster.helmChartConfigs().write(read, edit.value(), edit.annotations());
                HelmValuesSnapshot original = read;
                Map<String, Optional<String>> back = new HashMap<>();
                edit.annotations().keySet().forEach(k -> back.put(k, Optional.ofNullable(original.annotations()
                        .get(k))));
                return () -> cluster.helmChartConfigs().write(written, original.valuesContent(), back);
            } catch (ConflictException e) {
                giveUpAfter(attempt, change.target(), e);
                read = cluster.helmChartConfigs().read(read.namespace(), read.name());
                edit = change.recompute().apply(read);
            }
        }
    }

    /** The annotations as they were before, for each annotation the edit touched. */
    private static Map<String, Optional<String>> restoring(KeySnapshot original, KeyEdit edit) {
        Map<String, Optional<String>> back = new HashMap<>();
        edit.annotations().keySet().forEach(k -> back.put(k, Optional.ofNullable(original.annotations().get(k))));
        return back;
    }

    private static void giveUpAfter(int attempt, String target, ConflictException e) {
        if (attempt >= PlanApplier.MAX_ATTEMPTS) {
            throw new SvcaliasException(ExitCode.CLUSTER_STATE, target + " kept changing under svcalias ("
                    + PlanApplier.MAX_ATTEMPTS + " conflicting writes)", "wait for the other writer and run the "
                    + "command again", e);
        }
    }
}
