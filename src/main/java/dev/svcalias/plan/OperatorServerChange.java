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

    @Override
    public boolean writes() {
        return !before.server(serverName).equals(after);
    }

    @Override
    public Phase phase() {
        return Phase.SWITCH;
    }

    @Override
    public Preview dryRun() {
        return new Preview.TextDiff("", target() + " (spec.servers)", OperatorServersText.render(before.servers()),
                OperatorServersText.render(OperatorServersText.apply(before.servers(), serverName, after)));
    }

    @Override
    public Preview objectDiff() {
        return new Preview.Note(summary() + ": " + target());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.operatorServer(this);
    }
}
