package dev.svcalias.testing;

import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.DnsOperator;
import dev.svcalias.cluster.OperatorDnsSnapshot;
import dev.svcalias.cluster.OperatorServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link InMemoryCluster}'s OpenShift DNS resources; writes conditional, named "write dns.operator.openshift.io/NAME". */
final class InMemoryDnsOperator implements DnsOperator {
    private final Map<String, OperatorDnsSnapshot> resources = new TreeMap<>();
    private final Consumer<String> call;
    private final Supplier<String> nextVersion;
    private final Consumer<String> landed;

    InMemoryDnsOperator(Consumer<String> call, Supplier<String> nextVersion, Consumer<String> landed) {
        this.call = call;
        this.nextVersion = nextVersion;
        this.landed = landed;
    }

    void seed(String name, List<OperatorServer> servers) {
        resources.put(name, new OperatorDnsSnapshot(name, nextVersion.get(), servers));
    }

    @Override
    public Optional<OperatorDnsSnapshot> read(String name) {
        return Optional.ofNullable(resources.get(name));
    }

    @Override
    public OperatorDnsSnapshot write(OperatorDnsSnapshot read, String serverName, Optional<OperatorServer> server) {
        String name = "write dns.operator.openshift.io/" + read.name();
        call.accept(name);
        OperatorDnsSnapshot current = resources.get(read.name());
        if (current == null || !current.resourceVersion().equals(read.resourceVersion())) {
            throw new ConflictException("dns.operator.openshift.io/" + read.name(), null);
        }
        List<OperatorServer> servers = new ArrayList<>();
        boolean replaced = false;
        for (OperatorServer s : current.servers()) {
            if (s.name().equals(serverName)) {
                server.ifPresent(servers::add);
                replaced = true;
            } else {
                servers.add(s);
            }
        }
        if (!replaced) {
            server.ifPresent(servers::add);
        }
        OperatorDnsSnapshot written = new OperatorDnsSnapshot(read.name(), nextVersion.get(), servers);
        resources.put(read.name(), written);
        landed.accept(name);
        return written;
    }
}
