package dev.svcalias.app.write;

import dev.svcalias.app.alias.ManagedLabels;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ChartValuesChange;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.NamespaceCreate;
import dev.svcalias.plan.NamespaceDelete;
import dev.svcalias.plan.OperatorServerChange;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import dev.svcalias.plan.VirtualServiceDelete;
import dev.svcalias.plan.VirtualServicePut;

/**
 * Makes one change of each kind, conditional on what was read, and returns how to undo it. Corefile writes re-read
 * and re-apply their edit after a 409 (a bounded number of times); a ServiceEntry or object changed by someone else
 * is a conflict, never overwritten unseen.
 */
final class ChangeWriter implements Change.Visitor<Undo> {
    private final Cluster cluster;
    private final ObjectWrites objects;

    ChangeWriter(Cluster cluster) {
        this.cluster = cluster;
        this.objects = new ObjectWrites(cluster);
    }

    @Override
    public Undo corefile(CorefileChange change) {
        CorefileSnapshot read = change.before();
        String after = change.after();
        for (int attempt = 1; ; attempt++) {
            try {
                CorefileSnapshot written = cluster.corefiles().write(read, after, change.dropBackup());
                CorefileSnapshot original = read;
                return new Undo("wrote " + change.target() + " (put back)", () -> restore(written, original),
                        change.target() + " keeps the new Corefile");
            } catch (ConflictException e) {
                if (attempt >= PlanApplier.MAX_ATTEMPTS) {
                    throw new SvcaliasException(ExitCode.CLUSTER_STATE, change.target() + " kept changing under"
                            + " svcalias (" + PlanApplier.MAX_ATTEMPTS + " conflicting writes)", "wait for the other"
                            + " writer and run the command again", e);
                }
                read = cluster.corefiles().read(change.before().ref()).orElseThrow(() -> SvcaliasException.state(
                        change.target() + " was deleted while svcalias edited it", "recreate it, then run again"));
                read = DnsChain.checked(read); // someone else's edit must still parse (exit 5 naming it otherwise)
                after = change.edit().apply(read.corefile());
            }
        }
    }

    @Override
    public Undo configMapKey(ConfigMapKeyChange kc) {
        return putBack(kc, new KeyWriter(cluster).write(kc));
    }

    @Override
    public Undo chartValues(ChartValuesChange vc) {
        return putBack(vc, new KeyWriter(cluster).write(vc));
    }

    @Override
    public Undo operatorServer(OperatorServerChange oc) {
        return putBack(oc, new KeyWriter(cluster).write(oc));
    }

    @Override
    public Undo serviceEntryPut(ServiceEntryPut put) {
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

    @Override
    public Undo serviceEntryDelete(ServiceEntryDelete del) {
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

    @Override
    public Undo aliasServicePut(AliasServicePut change) {
        return objects.conditional(change, () -> objects.put(change));
    }

    @Override
    public Undo aliasServiceDelete(AliasServiceDelete change) {
        return objects.conditional(change, () -> objects.delete(change));
    }

    @Override
    public Undo virtualServicePut(VirtualServicePut change) {
        return objects.conditional(change, () -> objects.put(change));
    }

    @Override
    public Undo virtualServiceDelete(VirtualServiceDelete change) {
        return objects.conditional(change, () -> objects.delete(change));
    }

    @Override
    public Undo namespaceCreate(NamespaceCreate change) {
        return objects.conditional(change, () -> objects.create(change));
    }

    @Override
    public Undo namespaceDelete(NamespaceDelete change) {
        return objects.conditional(change, () -> objects.delete(change));
    }

    /** The undo of a key, chart-values or operator write: put the value read back (KeyWriter made it conditional). */
    private static Undo putBack(Change change, Runnable undo) {
        return new Undo("wrote " + change.target() + " (put back)", undo,
                change.target() + " stays as written (" + change.summary() + ")");
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
}
