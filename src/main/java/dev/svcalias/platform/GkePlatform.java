package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.ObjectFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GKE Standard runs kube-dns (kubedns + dnsmasq + sidecar), not CoreDNS. kube-dns takes extra zones from the
 * {@code stubDomains} key of the ConfigMap kube-system/kube-dns, which dnsmasq-nanny turns into dnsmasq
 * {@code --server=/zone/ip} flags; GKE creates that ConfigMap EnsureExists, so user entries last.
 */
final class GkePlatform implements Platform {
    static final ConfigMapRef KUBE_DNS_CONFIG = new ConfigMapRef(WellKnown.KUBE_SYSTEM, WellKnown.KUBE_DNS,
            "stubDomains");

    @Override
    public PlatformId id() {
        return PlatformId.GKE;
    }

    @Override
    public List<Evidence> evidence(ClusterFacts facts, DnsLayout layout) {
        Optional<ObjectFacts> kubeDns = facts.deployment(WellKnown.KUBE_SYSTEM, WellKnown.KUBE_DNS)
                .filter(GkePlatform::isKubeDns);
        if (kubeDns.isEmpty() || "0".equals(kubeDns.get().data().get("replicas"))) {
            return List.of();
        }
        List<Evidence> found = new ArrayList<>();
        ObjectFacts d = kubeDns.get();
        found.add(new Evidence(d.ref(), "containers " + String.join(", ", d.containers().stream()
                .map(ObjectFacts.Container::name).toList())));
        facts.nodeWithProvider("gce://").ifPresent(found::add);
        facts.configMap(WellKnown.KUBE_SYSTEM, WellKnown.KUBE_DNS).ifPresent(c -> found.add(new Evidence(c.ref(),
                c.data().containsKey("stubDomains") ? "has stubDomains" : "exists")));
        return found;
    }

    /** kube-dns proper (not a CoreDNS Deployment named kube-dns): a kubedns or dnsmasq container. */
    static boolean isKubeDns(ObjectFacts deployment) {
        return deployment.containers().stream().anyMatch(c -> c.name().equals("kubedns")
                || c.name().equals("dnsmasq"));
    }

    @Override
    public Optional<ConfigMapRef> corefile(ClusterFacts facts, DnsLayout layout) {
        return Optional.empty();
    }

    @Override
    public ZoneTarget target(ClusterFacts facts, DnsLayout layout) {
        return new ZoneTarget.StubDomains(KUBE_DNS_CONFIG);
    }
}
