package dev.svcalias.app.zone;

import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.corefile.PlatformMarks;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.platform.PlatformId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** kubeadm, EKS: svcalias's server block in CoreDNS's own Corefile, between its markers. */
public final class CorefileSide implements KubeDnsSide {
    private final CorefileSnapshot snapshot;
    private final boolean restoreBackup;
    private final PlatformId platform;

    CorefileSide(CorefileSnapshot snapshot, boolean restoreBackup, PlatformId platform) {
        this.snapshot = snapshot;
        this.restoreBackup = restoreBackup;
        this.platform = platform;
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
        // the platform goes in svcalias's markers, so later commands read it instead of detecting it again
        UnaryOperator<String> recorded = text -> PlatformMarks.record(edit.apply(text), platform.flag());
        return new CorefileChange(snapshot, apply(snapshot, recorded), recorded, summary, false);
    }

    /** The edit's result, or exit 5 naming the ConfigMap when the Corefile cannot take it. */
    public static String apply(CorefileSnapshot snapshot, UnaryOperator<String> edit) {
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
