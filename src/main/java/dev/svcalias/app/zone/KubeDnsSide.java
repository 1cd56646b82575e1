package dev.svcalias.app.zone;

import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.plan.Change;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the cluster DNS's side of a zone lives on this platform (the Corefile, a coredns-custom key, kube-dns's
 * stubDomains, OpenShift's DNS resource): the zones svcalias configured there, and the changes that add or
 * remove one. Chosen once per command from the platform detection ({@link KubeDnsSides}).
 */
public interface KubeDnsSide {
    /** The object written, as kubectl names it, for messages. */
    String describe();

    /** The svcalias zones configured here, with the upstream each forwards to. */
    List<ManagedZone> zones();

    default Optional<ManagedZone> zone(String domain) {
        return zones().stream().filter(z -> z.domain().equals(domain)).findFirst();
    }

    /**
     * The Corefile text a mode's edit applies to: CoreDNS's own Corefile, the managed Corefile that imports
     * coredns-custom, the operator-rendered Corefile, or a bare root block where there is none (kube-dns).
     */
    String text();

    /**
     * The change that puts the zone block {@code edit} adds to {@link #text()} where this platform keeps it:
     * the Corefile itself, a coredns-custom key, or, read back as "forward zone to IP", a stubDomains entry or
     * an OpenShift servers entry.
     */
    Change put(UnaryOperator<String> edit, String summary);

    /**
     * Every change the zone needs on this platform: {@link #put} plus whatever makes the cluster DNS read it (RKE2:
     * the chart values that import coredns-custom). Modes write these.
     */
    default List<Change> puts(UnaryOperator<String> edit, String summary) {
        return List.of(put(edit, summary));
    }

    /**
     * True where the cluster DNS can only forward the zone to an IP (kube-dns's stubDomains, OpenShift's
     * servers[]): it cannot answer AAAA or anything else itself, so what it forwards to has to.
     */
    default boolean forwardsOnly() {
        return false;
    }

    /** The changes that remove {@code domain}, or every svcalias zone when null; empty when nothing is there. */
    List<Change> remove(String domain, List<String> notes);
}
