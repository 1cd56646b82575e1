package dev.svcalias.platform;

import java.util.List;
import java.util.Optional;

/** Picks the platform once per command: the first whose evidence is found, or the one --platform names. */
public final class PlatformDetector {
    private PlatformDetector() {}

    public static Detection detect(ClusterFacts facts, DnsLayout layout, Optional<PlatformId> override) {
        Optional<NodeLocalDns> nodeLocal = NodeLocalDns.detect(facts);
        if (override.isPresent()) {
            Platform p = Platforms.byId(override.get());
            List<Evidence> seen = p.evidence(facts, layout);
            return new Detection(p, seen.isEmpty() ? List.of(new Evidence("--platform", override.get().flag()))
                    : seen, true, nodeLocal);
        }
        for (Platform p : Platforms.all()) {
            List<Evidence> evidence = p.evidence(facts, layout);
            if (!evidence.isEmpty()) {
                return new Detection(p, evidence, false, nodeLocal);
            }
        }
        Platform fallback = Platforms.byId(PlatformId.KUBEADM);
        return new Detection(fallback, List.of(new Evidence(layout.corefile().toString(), "not found; no "
                + "distribution marker either")), false, nodeLocal);
    }
}
