package dev.svcalias.app.alias;

/**
 * What a ServiceEntry svcalias writes carries, by mode (docs/adr/0180-istio-mode-serviceentry-by-name.md).
 */
enum ServiceEntryShape {
    /**
     * istiocoredns mode: what the istio-coredns-plugin reads and answers with: the target's ClusterIP as the entry's
     * one address, the Service's own port protocols, resolution DNS to the target's name.
     */
    FIXED_ADDRESS,
    /**
     * istio mode: no address and resolution NONE, so that no Istio version allocates one and istiod leaves the alias
     * out of the DNS proxy's name table: the proxy forwards it to kube-dns, whose ExternalName answer follows the
     * target. Only the ports Istio routes by Host (HTTP, HTTP2, GRPC, GRPC-Web) are declared, giving the alias a
     * virtual host there that the VirtualService sends to the target's cluster; a TCP port of an entry without an
     * address would become a listener for every address on that port. A headless target works: kube-dns's answer
     * is its pods' addresses, and the VirtualService routes to its cluster, which forwards to the address asked for.
     */
    BY_NAME {
        @Override
        void check(ResolvedAlias spec) {
            TargetChecks.refuseExternalName(spec);
        }
    };

    /** Refuses (exit 5) a target this shape cannot alias; the fixed address needs a ClusterIP. */
    void check(ResolvedAlias spec) {
        TargetChecks.requireClusterIp(spec, "a ServiceEntry");
    }
}
