package dev.svcalias.app.zone;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.OperatorDnsSnapshot;
import dev.svcalias.cluster.OperatorServer;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.OperatorServerChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenShift: one {@code spec.servers[]} entry named {@code svcalias-<zone>} in the DNS operator's resource; the
 * operator renders it into a server block of openshift-dns/dns-default. Nothing else of the resource is touched.
 */
final class OperatorSide extends ForwardingSide {
    static final String PREFIX = "svcalias-";
    private final OperatorDnsSnapshot read;

    /** @param rendered the operator's Corefile (openshift-dns/dns-default), or a bare {@code .:5353} block */
    OperatorSide(Cluster cluster, String name, String rendered) {
        super(rendered);
        this.read = cluster.dnsOperator().read(name).orElseThrow(() -> SvcaliasException.state(
                "dns.operator.openshift.io/" + name + " not found: the DNS operator has not created it",
                "check the cluster's DNS operator: oc get dns.operator/" + name));
    }

    static String serverName(String domain) {
        return PREFIX + domain.replace('.', '-');
    }

    @Override
    public String describe() {
        return "dns.operator.openshift.io/" + read.name();
    }

    @Override
    public List<ManagedZone> zones() {
        List<ManagedZone> zones = new ArrayList<>();
        for (OperatorServer s : read.servers()) {
            if (s.zones().size() == 1 && s.name().equals(serverName(s.zones().get(0))) && !s.upstreams().isEmpty()) {
                zones.add(new ManagedZone(s.zones().get(0), ManagedZone.Kind.STUB_DOMAIN, s.upstreams().get(0), 0));
            }
        }
        return zones;
    }

    @Override
    Change forward(String domain, String forwardTo, String summary) {
        String name = serverName(domain);
        for (OperatorServer s : read.servers()) {
            if (!s.name().equals(name) && s.zones().stream().anyMatch(z -> z.replaceAll("\\.$", "").equals(domain))) {
                throw SvcaliasException.state(describe() + " already has a server '" + s.name() + "' for zone "
                        + domain, "remove it from spec.servers, or pick another --domain");
            }
        }
        return new OperatorServerChange(read, name, Optional.of(new OperatorServer(name, List.of(domain),
                List.of(forwardTo))), summary + " (spec.servers entry " + name + ")");
    }

    @Override
    public List<Change> remove(String domain, List<String> notes) {
        List<Change> changes = new ArrayList<>();
        OperatorDnsSnapshot current = read;
        for (ManagedZone z : zones()) {
            if (domain == null || z.domain().equals(domain)) {
                changes.add(new OperatorServerChange(current, serverName(z.domain()), Optional.empty(),
                        "removed zone " + z.domain() + " (spec.servers entry " + serverName(z.domain()) + ")"));
            }
        }
        return changes;
    }
}
