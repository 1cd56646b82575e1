package dev.svcalias.app.probe;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import java.util.List;
import java.util.Map;

/** Asks the cluster DNS about several names at once: directly, or from a pod inside the cluster. */
public interface DnsProbe {
    Map<Query, DnsAnswer> resolve(List<Query> queries);

    /** Where the answers come from, for messages ("10.96.0.10 from pod svcalias-verify-x"). */
    String describe();

    /** Whether it can ask single CoreDNS replicas at their pod IPs ({@link Query#server}): from a pod, it can. */
    default boolean reachesReplicas() {
        return false;
    }

    /**
     * A question; {@code server} is a CoreDNS replica's address to ask instead of the probe's nameserver (empty: the
     * probe's nameserver, kube-dns's ClusterIP).
     */
    record Query(String name, RecordType type, String server) {
        public Query(String name, RecordType type) {
            this(name, type, "");
        }
    }
}
