package dev.svcalias.app;

import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** kubeadm, EKS: svcalias's server block in CoreDNS's own Corefile, between its markers. */
final class CorefileSide implements KubeDnsSide {
    private final CorefileSnapshot snapshot;
    private final boolean restoreBackup;

    CorefileSide(CorefileSnapshot snapshot, boolean restoreBackup) {
        this.snapshot = snapshot;
        this.restoreBackup = restoreBackup;
    }

    CorefileSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public String describe() {
        return snapshot.ref().toString();
    }

    @Override
    public List<ManagedZone> zones() {
        return Corefiles.managedZones(snapshot.corefile());
    }

    @Override
    public String text() {
        return snapshot.corefile();
    }

    @Override
    public Change put(UnaryOperator<String> edit, String summary) {
        return new CorefileChange(snapshot, apply(snapshot, edit), edit, summary, false);
    }

    /** The edit's result, or exit 5 naming the ConfigMap when the Corefile cannot take it. */
    static String apply(CorefileSnapshot snapshot, UnaryOperator<String> edit) {
        try {
            return edit.apply(snapshot.corefile());
        } catch (CorefileException e) {
            throw SvcaliasException.state(snapshot.ref() + ": " + e.getMessage(), "fix the Corefile by hand, then "
                    + "run svcalias init again");
        }
    }

    @Override
    public List<Change> remove(String domain, List<String> notes) {
        List<Change> changes = new ArrayList<>();
        CorefileReset.change(snapshot, domain, restoreBackup, notes).ifPresent(changes::add);
        return changes;
    }
}
