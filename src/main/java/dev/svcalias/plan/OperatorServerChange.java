package dev.svcalias.plan;

import dev.svcalias.cluster.OperatorDnsSnapshot;
import dev.svcalias.cluster.OperatorServer;
import java.util.Optional;

/** Puts ({@code after} present) or removes svcalias's entry {@code serverName} in OpenShift's DNS spec.servers. */
public record OperatorServerChange(OperatorDnsSnapshot before, String serverName, Optional<OperatorServer> after,
                                   String summary) implements Change {
    @Override
    public String target() {
        return "dns.operator.openshift.io/" + before.name();
    }

    public boolean changesSomething() {
        return !before.server(serverName).equals(after);
    }
}
