package dev.svcalias.app.mode;

import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a zone reaches its answers. The mode is recorded in the cluster as the kind of svcalias's block in
 * kube-dns's Corefile ({@code # svcalias:begin zone=Z kind=...}), so every later command reads it from there.
 */
public enum ModeName {
    /** Istio 1.1-1.8: kube-dns forwards the zone to istiocoredns, which answers from ServiceEntries. */
    ISTIOCOREDNS("istiocoredns", ManagedZone.Kind.STUB_DOMAIN),
    /** kube-dns answers the zone itself from ExternalName Services svcalias keeps in its own namespace. */
    COREDNS("coredns", ManagedZone.Kind.COREDNS_ALIASES),
    /** Istio 1.9+: coredns for every pod (meshed too), plus a ServiceEntry and a VirtualService per alias. */
    ISTIO("istio", ManagedZone.Kind.ISTIO_ALIASES);

    public final String cliName;
    final ManagedZone.Kind kind;

    ModeName(String cliName, ManagedZone.Kind kind) {
        this.cliName = cliName;
        this.kind = kind;
    }

    /** The mode a kube-dns block records; empty for kinds that live in istiocoredns's Corefile. */
    public static java.util.Optional<ModeName> recordedBy(ManagedZone.Kind kind) {
        return Arrays.stream(values()).filter(m -> m.kind == kind).findFirst();
    }

    /** The mode recorded for the zone in kube-dns's Corefile; empty when svcalias has no block for it there. */
    public static java.util.Optional<ModeName> recordedIn(DnsChain chain, String domain) {
        return chain.zone(domain).flatMap(z -> recordedBy(z.kind()));
    }

    /** "auto" gives null: detect. */
    public static ModeName parse(String text) {
        String t = text == null ? "auto" : text.toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return null;
        }
        return Arrays.stream(values()).filter(m -> m.cliName.equals(t)).findFirst().orElseThrow(() ->
                SvcaliasException.usage("--mode " + text + " is not a mode", "use auto, istiocoredns, coredns or istio"));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
