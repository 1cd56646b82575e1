package dev.svcalias.app.zone;

import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.corefile.PlatformEdits;
import dev.svcalias.error.SvcaliasException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Reads back what a mode's Corefile edit does, for targets that are not Corefiles: applied to the platform's
 * Corefile, which svcalias zone did it put there, and where does that block forward? A target that can only
 * forward a zone (stubDomains, OpenShift's servers) takes a plain forward and refuses anything else.
 */
final class EditedZone {
    private EditedZone() {}

    static ManagedZone of(String baseText, UnaryOperator<String> edit, String where) {
        String after;
        try {
            after = edit.apply(baseText);
        } catch (CorefileException e) {
            throw SvcaliasException.state(where + ": " + e.getMessage(), "fix it by hand, then run svcalias again");
        }
        for (ManagedZone z : Corefiles.managedZones(after)) {
            if (!Objects.equals(PlatformEdits.region(baseText, z.domain()), PlatformEdits.region(after, z.domain()))) {
                return z;
            }
        }
        throw new IllegalStateException("the edit put no svcalias block into the Corefile");
    }

    /** The zone and its forward target, or exit 5 when the mode's block does more than forward the zone. */
    static ManagedZone forwardOnly(String baseText, UnaryOperator<String> edit, String where) {
        ManagedZone zone = of(baseText, edit, where);
        if (zone.kind() != ManagedZone.Kind.STUB_DOMAIN || zone.upstream() == null || zone.upstream().isBlank()) {
            throw SvcaliasException.state(where + " can only forward a zone to a DNS server, and this mode needs the "
                    + "cluster DNS to answer zone " + zone.domain() + " itself", "use --mode istiocoredns on this "
                    + "platform, or the Istio DNS proxy mode");
        }
        return zone;
    }
}
