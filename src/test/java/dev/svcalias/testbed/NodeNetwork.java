package dev.svcalias.testbed;

/**
 * The node's addresses, all in the benchmarking range 198.18.0.0/15 (RFC 2544), which no real network uses: pods on
 * the bridge {@value #BRIDGE} in 198.18.0.0/16 with the host at {@value #GATEWAY}, Services in 198.19.0.0/16. Nothing
 * is masqueraded, and a forward rule drops whatever a pod sends off the bridge: every packet stays on this machine.
 */
final class NodeNetwork {
    static final String BRIDGE = "svcalias0";
    static final String GATEWAY = "198.18.0.1";
    static final String POD_RANGE = "198.18.0.0/16";
    static final String SERVICE_RANGE = "198.19.0.0/16";
    static final String KUBERNETES_SERVICE_IP = "198.19.0.1";
    static final String KUBE_DNS_IP = "198.19.0.10";
    /** The recipe's target and istiocoredns, at addresses of the node's Service range. */
    static final String FRUITS_IP = "198.19.1.1";
    static final String ISTIOCOREDNS_IP = "198.19.100.53";
    /** istio-system/istiod's Service (istiod itself runs on the host; nothing answers there from pods). */
    static final String ISTIOD_IP = "198.19.100.10";
    /** Our own filter chain, jumped to first from FORWARD: nothing from or to the bridge crosses to another link. */
    static final String FORWARD_CHAIN = "SVCALIAS-NODE-FWD";

    private NodeNetwork() {}

    /**
     * The CNI config: bridge + host-local, no masquerade, and no default route in the pods: only the Service range,
     * through the host (kube-proxy), besides the bridge's own range; IPAM state in {@code ipamDir}.
     */
    static String cniConfig(java.nio.file.Path ipamDir) {
        return """
                {"cniVersion": "1.0.0", "name": "svcalias-node", "plugins": [
                  {"type": "bridge", "bridge": "%s", "isGateway": true, "ipMasq": false, "hairpinMode": true,
                   "ipam": {"type": "host-local", "dataDir": "%s",
                            "ranges": [[{"subnet": "%s", "rangeStart": "198.18.0.10", "gateway": "%s"}]],
                            "routes": [{"dst": "%s", "gw": "%s"}]}}
                ]}
                """.formatted(BRIDGE, ipamDir, POD_RANGE, GATEWAY, SERVICE_RANGE, GATEWAY);
    }
}
