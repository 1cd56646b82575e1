package dev.svcalias.app.write;

import dev.svcalias.app.WriteGate;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
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
    private final ChangeWriter writer;
    private final WriteGate gate;

    public PlanApplier(Cluster cluster) {
        this(cluster, WriteGate.process());
    }

    PlanApplier(Cluster cluster, WriteGate gate) {
        this.writer = new ChangeWriter(LostAnswerCluster.of(cluster));
        this.gate = gate;
    }

    /**
     * Writes the plan, or none of it. Refused, with nothing written, once a signal closed the {@link WriteGate} (the
     * process then exits as the signal says, 143 or 130); a plan that began before the signal runs to its end.
     */
    public void apply(Plan plan) {
        List<Change> changes = plan.effective().changes();
        if (changes.isEmpty()) {
            return;
        }
        if (!gate.enter()) {
            throw new SvcaliasException(ExitCode.CLUSTER_STATE, "interrupted before writing: nothing was written",
                    "run the same command again");
        }
        List<String> left = new ArrayList<>();
        try {
            Deque<Undo> undo = new ArrayDeque<>();
            for (Change change : changes) {
                try {
                    undo.push(change.accept(writer));
                } catch (RuntimeException failure) {
                    throw rollBack(undo, change, failure, left);
                }
            }
            changes.forEach(c -> left.add(c.target() + " (" + c.summary() + ")"));
        } finally {
            gate.exit(left);
        }
    }

    private SvcaliasException rollBack(Deque<Undo> undo, Change failed, RuntimeException failure, List<String> left) {
        List<String> undone = new ArrayList<>();
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
