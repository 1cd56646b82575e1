package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.OperatorServerChange;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Applies a plan all or nothing: every write is conditional on what was read; a 409 re-reads, re-applies the edit
 * and retries a bounded number of times; when a later write fails, the earlier Corefile writes are rolled back.
 */
public final class PlanApplier {
    static final int MAX_ATTEMPTS = 5;
    private final Cluster cluster;

    public PlanApplier(Cluster cluster) {
        this.cluster = cluster;
    }

    public void apply(Plan plan) {
        Deque<Runnable> undo = new ArrayDeque<>();
        for (Change change : plan.effective().changes()) {
            try {
                undo.push(applyOne(change));
            } catch (RuntimeException failure) {
                throw rollBack(undo, change, failure);
            }
        }
    }

    private Runnable applyOne(Change change) {
        if (change instanceof CorefileChange cc) {
            return writeCorefile(cc);
        }
        if (change instanceof ConfigMapKeyChange kc) {
            return new KeyWriter(cluster).write(kc);
        }
        if (change instanceof OperatorServerChange oc) {
            return new KeyWriter(cluster).write(oc);
        }
        if (change instanceof ServiceEntryPut put) {
            String rv = put.previous() == null ? null : put.previous().resourceVersion();
            try {
                cluster.serviceEntries().apply(put.manifest(), rv);
            } catch (ConflictException e) {
                throw SvcaliasException.state(put.target() + " was created or changed by someone else while svcalias"
                        + " worked", "run the command again to see the current state");
            }
            return () -> { }; // a ServiceEntry write is the last step of a plan; nothing after it can fail
        }
        ServiceEntryDelete del = (ServiceEntryDelete) change;
        cluster.serviceEntries().delete(del.entry().namespace(), del.entry().name());
        return () -> { };
    }

    private Runnable writeCorefile(CorefileChange change) {
        CorefileSnapshot read = change.before();
        String after = change.after();
        for (int attempt = 1; ; attempt++) {
            try {
                CorefileSnapshot written = cluster.corefiles().write(read, after, change.dropBackup());
                CorefileSnapshot original = read;
                return () -> restore(written, original);
            } catch (ConflictException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new SvcaliasException(ExitCode.CLUSTER_STATE, change.target() + " kept changing under"
                            + " svcalias (" + MAX_ATTEMPTS + " conflicting writes)", "wait for the other writer and "
                            + "run the command again", e);
                }
                read = cluster.corefiles().read(change.before().ref()).orElseThrow(() -> SvcaliasException.state(
                        change.target() + " was deleted while svcalias edited it", "recreate it, then run again"));
                Corefiles.parse(read.corefile()); // someone else's edit must still parse before we touch it
                after = change.edit().apply(read.corefile());
            }
        }
    }

    /** Puts back the text we replaced, unless someone changed the ConfigMap after our write (never overwrite). */
    private void restore(CorefileSnapshot written, CorefileSnapshot original) {
        cluster.corefiles().write(written, original.corefile(), original.backup().isEmpty());
    }

    private SvcaliasException rollBack(Deque<Runnable> undo, Change failed, RuntimeException failure) {
        StringBuilder outcome = new StringBuilder();
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (RuntimeException e) {
                outcome.append("; rollback failed too (").append(e.getMessage()).append("): run 'svcalias reset'");
            }
        }
        String rolled = outcome.length() == 0 ? "; earlier changes were rolled back, nothing was left changed"
                : outcome.toString();
        if (failure instanceof SvcaliasException se) {
            return new SvcaliasException(se.exitCode(), "writing " + failed.target() + " failed: " + se.getMessage()
                    + rolled, se.hint(), failure);
        }
        return new SvcaliasException(ExitCode.INTERNAL, "writing " + failed.target() + " failed: " + failure
                + rolled, "rerun with --verbose", failure);
    }
}
