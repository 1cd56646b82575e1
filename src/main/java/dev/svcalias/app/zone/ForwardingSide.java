package dev.svcalias.app.zone;

import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.plan.Change;
import java.util.function.UnaryOperator;

/**
 * A cluster DNS whose configuration can only say "forward zone Z to IP" (kube-dns's stubDomains, OpenShift's
 * servers[]): a mode's Corefile edit is applied to {@link #text()} and read back as that one forward, or refused
 * (exit 5) when the mode needs the cluster DNS to answer the zone itself.
 */
abstract class ForwardingSide implements KubeDnsSide {
    private final String text;

    /** @param text the Corefile the edit is read back against: the operator's, or a bare root block */
    ForwardingSide(String text) {
        this.text = text;
    }

    @Override
    public final String text() {
        return text;
    }

    @Override
    public final boolean forwardsOnly() {
        return true;
    }

    @Override
    public final Change put(UnaryOperator<String> edit, String summary) {
        ManagedZone zone = EditedZone.forwardOnly(text, edit, describe());
        return forward(zone.domain(), zone.upstream(), summary);
    }

    /** The change that makes this platform forward {@code domain} to {@code forwardTo}. */
    abstract Change forward(String domain, String forwardTo, String summary);
}
