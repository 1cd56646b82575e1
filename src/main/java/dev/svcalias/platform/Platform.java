package dev.svcalias.platform;

import java.util.List;

/**
 * One distribution: how to recognise it and where it lets svcalias put a zone. One small implementation per
 * platform ({@link Platforms#all()}); adding a platform adds a file, not a branch in a use case.
 */
public interface Platform {
    PlatformId id();

    /** What in the cluster says it is this platform; empty when nothing does. */
    List<Evidence> evidence(ClusterFacts facts, DnsLayout layout);

    /**
     * Where the kube-dns side of a zone goes on this platform.
     *
     * @throws dev.svcalias.error.SvcaliasException exit 5 with the manual route, when svcalias cannot configure it
     */
    ZoneTarget target(ClusterFacts facts, DnsLayout layout);

    /** The CoreDNS Corefile svcalias reads for the cluster domain and status (written only by Corefile targets). */
    default java.util.Optional<dev.svcalias.cluster.ConfigMapRef> corefile(ClusterFacts facts, DnsLayout layout) {
        return java.util.Optional.of(layout.corefile());
    }

    /**
     * How to make a write last when a manager would revert it (EKS: the add-on configuration command), given
     * the Corefile text svcalias wrote; empty when the write lasts by itself.
     */
    default java.util.Optional<String> keepCommand(ClusterFacts facts, String written) {
        return java.util.Optional.empty();
    }

    /** Sentences for the result when the write may not last (a manager that reverts it); empty when it lasts. */
    default List<String> caveats(ClusterFacts facts, DnsLayout layout) {
        return List.of();
    }
}
