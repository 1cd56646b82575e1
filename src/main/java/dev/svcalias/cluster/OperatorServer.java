package dev.svcalias.cluster;

import java.util.List;

/** One entry of OpenShift's {@code DNS.spec.servers}: name, zones and forwardPlugin.upstreams. */
public record OperatorServer(String name, List<String> zones, List<String> upstreams) {
    public OperatorServer {
        zones = List.copyOf(zones);
        upstreams = List.copyOf(upstreams);
    }
}
