package dev.svcalias.cluster;

import java.util.List;

/** OpenShift's {@code dns.operator.openshift.io} resource as read: its resourceVersion and spec.servers. */
public record OperatorDnsSnapshot(String name, String resourceVersion, List<OperatorServer> servers) {
    public OperatorDnsSnapshot {
        servers = List.copyOf(servers);
    }

    public java.util.Optional<OperatorServer> server(String serverName) {
        return servers.stream().filter(s -> s.name().equals(serverName)).findFirst();
    }
}
