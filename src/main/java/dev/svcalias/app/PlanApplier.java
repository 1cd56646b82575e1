package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ChartValuesChange;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.OperatorServerChange;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Applies a plan all or nothing: every write is conditional on what was read; a 409 on a Corefile re-reads,
 * re-applies the edit and retries a bounded number of times; when a write fails, every earlier write is undone in
 * reverse order (Corefiles put back, created ServiceEntries deleted, replaced or deleted ones restored from the
 * manifest read before), and the error says exactly what was rolled back and what, if an undo failed, was left.
 * Every write and undo goes through {@link LostAnswerCluster}: a write whose answer was lost is read back, and if it
 * landed it counts as done.
 */
public final class PlanApplier {
    static final int MAX_ATTEMPTS = 5;
    private final Cluster cluster;

    public PlanApplier(Cluster cluster) {
        this.cluster = LostAnswerCluster.of(cluster);
    }

    public void apply(Plan plan) {
        Deque<Undo> undo = new ArrayDeque<>();
        for (Change change : plan.effective().changes()) {
            try {
                undo.push(applyOne(change));
            } catch (RuntimeException failure) {
                throw rollBack(undo, change, failure);
            }
        }
    }

    private Undo applyOne(Change change) {
        if (change instanceof CorefileChange cc) {
            return writeCorefile(cc);
        }
        if (change instanceof ConfigMapKeyChange kc) {
            return new Undo("wrote " + kc.target() + " (put back)", new KeyWriter(cluster).write(kc),
                    kc.target() + " stays as written (" + kc.summary() + ")");
        }
        if (change instanceof ChartValuesChange vc) {
            return new Undo("wrote " + vc.target() + " (put back)", new KeyWriter(cluster).write(vc),
                    vc.target() + " stays as written (" + vc.summary() + ")");
        }
        if (change instanceof OperatorServerChange oc) {
            return new Undo("wrote " + oc.target() + " (put back)", new KeyWriter(cluster).write(oc),
                    oc.target() + " stays as written (" + oc.summary() + ")");
        }
        if (change instanceof ServiceEntryPut put) {
            return putEntry(put);
        }
        if (!(change instanceof ServiceEntryDelete del)) {
            // the coredns and istio modes' objects (ExternalName Services, their namespace)
            return new ObjectWrites(cluster).apply(change);
        }
        ServiceEntryRecord gone = del.entry();
        // conditional: an entry changed since it was read is a conflict, never deleted unseen (prune, remove)
        try {
            deleteEntry(gone);
        } catch (ConflictException e) {
            throw SvcaliasException.state(del.target() + " was changed by someone else while svcalias worked",
                    "run the command again to see the current state");
        }
        return new Undo("deleted " + del.target() + " (re-created)",
                () -> cluster.serviceEntries().apply(gone.manifest(), null),
                del.target() + " stays deleted (it pointed at " + ManagedLabels.target(gone) + ")");
    }

    private Undo putEntry(ServiceEntryPut put) {
        ServiceEntryRecord previous = put.previous();
        ServiceEntryRecord written;
        try {
            written = cluster.serviceEntries().apply(put.manifest(), previous == null ? null
                    : previous.resourceVersion());
        } catch (ConflictException e) {
            throw SvcaliasException.state(put.target() + " was created or changed by someone else while svcalias"
                    + " worked", "run the command again to see the current state");
        }
        if (previous == null) {
            return new Undo("created " + put.target() + " (deleted again)",
                    () -> deleteEntry(written),
                    put.target() + " was created and is still there");
        }
        return new Undo("replaced " + put.target() + " (restored)",
                () -> cluster.serviceEntries().apply(previous.manifest(), written.resourceVersion()),
                put.target() + " stays replaced (it pointed at " + ManagedLabels.target(previous) + " before)");
    }

    private Undo writeCorefile(CorefileChange change) {
        CorefileSnapshot read = change.before();
        String after = change.after();
        for (int attempt = 1; ; attempt++) {
            try {
                CorefileSnapshot written = cluster.corefiles().write(read, after, change.dropBackup());
                CorefileSnapshot original = read;
                return new Undo("wrote " + change.target() + " (put back)", () -> restore(written, original),
                        change.target() + " keeps the new Corefile");
            } catch (ConflictException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new SvcaliasException(ExitCode.CLUSTER_STATE, change.target() + " kept changing under"
                            + " svcalias (" + MAX_ATTEMPTS + " conflicting writes)", "wait for the other writer and "
                            + "run the command again", e);
                }
                read = cluster.corefiles().read(change.before().ref()).orElseThrow(() -> SvcaliasException.state(
                        change.target() + " was deleted while svcalias edited it", "recreate it, then run again"));
                read = DnsChain.checked(read); // someone else's edit must still parse (exit 5 naming it otherwise)
                after = change.edit().apply(read.corefile());
            }
        }
    }

    /** Puts back the text we replaced, unless someone changed the ConfigMap after our write (never overwrite). */
    private void restore(CorefileSnapshot written, CorefileSnapshot original) {
        cluster.corefiles().write(written, original.corefile(), original.backup().isEmpty());
    }

    /** Conditional on the resourceVersion read, when there is one. */
    private void deleteEntry(ServiceEntryRecord entry) {
        if (entry.resourceVersion() == null) {
            cluster.serviceEntries().delete(entry.namespace(), entry.name());
        } else {
            cluster.serviceEntries().delete(entry.namespace(), entry.name(), entry.resourceVersion());
        }
    }

    private SvcaliasException rollBack(Deque<Undo> undo, Change failed, RuntimeException failure) {
        List<String> undone = new ArrayList<>();
        List<String> left = new ArrayList<>();
        while (!undo.isEmpty()) {
            Undo u = undo.pop();
            try {
                u.action().run();
                undone.add(u.done());
            } catch (RuntimeException e) {
                left.add(u.leftIfFails() + " (its undo failed: " + e.getMessage() + ")");
            }
        }
        String outcome;
        if (undone.isEmpty() && left.isEmpty()) {
            outcome = "; nothing had been written before it, nothing was changed";
        } else if (left.isEmpty()) {
            outcome = "; rolled back: " + String.join(", ", undone) + "; nothing was left changed";
        } else {
            outcome = "; rolled back: " + (undone.isEmpty() ? "nothing" : String.join(", ", undone))
                    + "; LEFT CHANGED: " + String.join(", ", left);
        }
        String message = "writing " + failed.target() + " failed: " + (failure instanceof SvcaliasException
                ? failure.getMessage() : failure.toString()) + outcome;
        if (!left.isEmpty()) {
            return new SvcaliasException(failure instanceof SvcaliasException se ? se.exitCode()
                    : ExitCode.INTERNAL, message, "check what was left changed (kubectl get serviceentries -A, "
                    + "kubectl get configmap), then run the command again; svcalias reset undoes its Corefile edits",
                    failure);
        }
        if (failure instanceof SvcaliasException se) {
            return new SvcaliasException(se.exitCode(), message, se.hint(), failure);
        }
        return new SvcaliasException(ExitCode.INTERNAL, message, "rerun with --verbose", failure);
    }
}
