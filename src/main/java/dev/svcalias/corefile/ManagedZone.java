package dev.svcalias.corefile;

/**
 * A zone svcalias configured in a Corefile: the kube-dns forward to istiocoredns (STUB_DOMAIN, upstream = the
 * forward target) or the istiocoredns route to the Istio plugin (ISTIO_ROUTE, upstream = the grpc/proxy target,
 * 127.0.0.1:8053). {@code line} is the begin marker's line.
 */
public record ManagedZone(String domain, ManagedZone.Kind kind, String upstream, int line) {
    public enum Kind {
        STUB_DOMAIN("stub-domain"), ISTIO_ROUTE("istio-route");

        final String marker;

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
                    + "' (expected stub-domain or istio-route); remove the svcalias lines for that zone by hand");
        }
    }
}
