package dev.svcalias.app.zone;

import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Takes svcalias's blocks out of one Corefile (byte-exact), dropping the backup annotation when the result equals
 * it; or, with --restore-backup, writes the backup verbatim.
 */
public final class CorefileReset {
    private CorefileReset() {}

    public static Optional<Change> change(CorefileSnapshot snapshot, String domain, boolean restoreBackup,
                                   List<String> notes) {
        if (restoreBackup) {
            String backup = snapshot.backup().orElseThrow(() -> SvcaliasException.state(snapshot.ref()
                    + " has no svcalias backup to restore", "svcalias has never edited it, or reset already ran"));
            return Optional.of(new CorefileChange(snapshot, backup, text -> backup,
                    "restored the backup taken before svcalias's first edit", true));
        }
        List<String> zones = Corefiles.managedZones(snapshot.corefile()).stream().map(ManagedZone::domain)
                .filter(z -> domain == null || z.equals(domain)).toList();
        if (zones.isEmpty() && snapshot.backup().isEmpty()) {
            return Optional.empty();
        }
        UnaryOperator<String> edit = text -> {
            String result = text;
            for (String zone : zones) {
                result = Corefiles.removeZone(result, zone);
            }
            return result;
        };
        String after = edit.apply(snapshot.corefile());
        boolean backToOriginal = snapshot.backup().map(after::equals).orElse(false);
        boolean noneLeft = Corefiles.managedZones(after).isEmpty();
        if (noneLeft && snapshot.backup().isPresent() && !backToOriginal) {
            notes.add(snapshot.ref() + " differs from the backup svcalias took before its first edit because of "
                    + "changes svcalias did not make; they were kept (use --restore-backup to restore the backup "
                    + "verbatim)");
        }
        String summary = zones.isEmpty() ? "no svcalias blocks" : "removed zone " + String.join(", ", zones);
        return Optional.of(new CorefileChange(snapshot, after, edit, summary, backToOriginal));
    }
}
