package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenShift's DNS operator renders openshift-dns/dns-default from the cluster-scoped resource
 * {@code dns.operator.openshift.io/default} and reverts any direct edit; extra zones go in that resource's
 * {@code spec.servers[]} (name, zones, forwardPlugin.upstreams), which the operator turns into server blocks.
 */
final class OpenShiftPlatform implements Platform {
    static final ConfigMapRef RENDERED = new ConfigMapRef(WellKnown.OPENSHIFT_DNS_NAMESPACE,
            WellKnown.OPENSHIFT_DNS_DEFAULT);

    @Override
    public PlatformId id() {
        return PlatformId.OPENSHIFT;
    }

    @Override
    public List<Evidence> evidence(ClusterFacts facts, DnsLayout layout) {
        if (!facts.serves(WellKnown.OPENSHIFT_DNS_RESOURCE)) {
            return List.of();
        }
        List<Evidence> found = new ArrayList<>(List.of(new Evidence("API discovery", "serves "
                + WellKnown.OPENSHIFT_DNS_RESOURCE)));
        if (facts.namespaces().contains(WellKnown.OPENSHIFT_DNS_NAMESPACE)) {
            found.add(new Evidence("namespace " + WellKnown.OPENSHIFT_DNS_NAMESPACE, "exists"));
        }
        facts.configMap(RENDERED.namespace(), RENDERED.name())
                .ifPresent(c -> found.add(new Evidence(c.ref(), "exists (rendered by the DNS operator)")));
        return found;
    }

    @Override
    public Optional<ConfigMapRef> corefile(ClusterFacts facts, DnsLayout layout) {
        return Optional.of(RENDERED);
    }

    @Override
    public ZoneTarget target(ClusterFacts facts, DnsLayout layout) {
        return new ZoneTarget.OperatorServers("default");
    }
}
