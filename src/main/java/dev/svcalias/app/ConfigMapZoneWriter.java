package dev.svcalias.app;

import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import java.util.function.UnaryOperator;

/** The kube-dns Corefile in its ConfigMap (kubeadm, kind, EKS, RKE2...): a conditional, backed-up edit. */
final class ConfigMapZoneWriter implements ZoneWriter {
    private final CorefileSnapshot snapshot;

    ConfigMapZoneWriter(CorefileSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Change write(UnaryOperator<String> edit, String summary) {
        return new CorefileChange(snapshot, apply(snapshot, edit), edit, summary, false);
    }

    @Override
    public String text() {
        return snapshot.corefile();
    }

    @Override
    public String describe() {
        return snapshot.ref().toString();
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
}
