package dev.svcalias.platform;

import java.util.List;
import java.util.Optional;

/**
 * What detection found: the platform (or the one --platform named), the evidence for it, and NodeLocal
 * DNSCache when it runs in front of the cluster DNS.
 */
public record Detection(Platform platform, List<Evidence> evidence, boolean overridden,
                        Optional<NodeLocalDns> nodeLocal) {
    public Detection {
        evidence = List.copyOf(evidence);
    }

    public PlatformId id() {
        return platform.id();
    }
}
