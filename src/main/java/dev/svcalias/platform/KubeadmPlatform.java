package dev.svcalias.platform;

import java.util.List;

/** The default: CoreDNS reads its Corefile from a ConfigMap nobody else rewrites; svcalias adds a server block. */
final class KubeadmPlatform implements Platform {
    @Override
    public PlatformId id() {
        return PlatformId.KUBEADM;
    }

    @Override
    public List<Evidence> evidence(ClusterFacts facts, DnsLayout layout) {
        return CorefileFacts.text(facts, layout.corefile()).map(t -> List.of(new Evidence(layout.corefile()
                .toString(), "holds CoreDNS's Corefile and no distribution marker was found"))).orElse(List.of());
    }

    @Override
    public ZoneTarget target(ClusterFacts facts, DnsLayout layout) {
        return new ZoneTarget.CorefileBlock(layout.corefile());
    }
}
