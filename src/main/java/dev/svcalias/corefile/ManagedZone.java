package dev.svcalias.corefile;

/**
 * A zone svcalias configured in a Corefile: the kube-dns forward to istiocoredns (STUB_DOMAIN, upstream = the
 * forward target), the istiocoredns route to the Istio plugin (ISTIO_ROUTE, upstream = the grpc/proxy target,
 * 127.0.0.1:8053), or kube-dns answering the zone itself from the aliases namespace (COREDNS_ALIASES and
 * ISTIO_ALIASES: the same block, the kind records the mode that wrote it; upstream = the forward back to kube-dns
 * itself). {@code line} is the begin marker's line. {@code serviceSuffix} is what an alias-zone block appends to NAME
 * to name the alias's Service ("" in a block an older svcalias wrote, which named it NAME alone, and in other kinds).
 */
public record ManagedZone(String domain, ManagedZone.Kind kind, String upstream, int line, String serviceSuffix) {
    public ManagedZone(String domain, ManagedZone.Kind kind, String upstream, int line) {
        this(domain, kind, upstream, line, "");
    }

    public enum Kind {
        STUB_DOMAIN("stub-domain"), ISTIO_ROUTE("istio-route"), COREDNS_ALIASES("coredns"), ISTIO_ALIASES("istio");

        final String marker;

        /** The word in the begin marker, kind=WORD. */
        public String marker() {
            return marker;
        }

        /** Whether kube-dns answers the zone itself (the alias-zone block) rather than forwarding it. */
        public boolean aliasZone() {
            return this == COREDNS_ALIASES || this == ISTIO_ALIASES;
        }

        Kind(String marker) {
            this.marker = marker;
        }

        static Kind fromMarker(String marker, int line) {
            for (Kind k : values()) {
                if (k.marker.equals(marker)) {
                    return k;
                }
            }
            throw new CorefileException("line " + line + ": unknown svcalias block kind '" + marker
                    + "' (expected stub-domain, istio-route, coredns or istio); remove the svcalias lines for that zone by hand");
        }
    }
}
