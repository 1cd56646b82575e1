package dev.svcalias.app;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import java.util.List;
import java.util.Map;

/** Asks the cluster DNS about several names at once: directly, or from a pod inside the cluster. */
public interface DnsProbe {
    Map<Query, DnsAnswer> resolve(List<Query> queries);

    /** Where the answers come from, for messages ("10.96.0.10 from pod svcalias-verify-x"). */
    String describe();

    record Query(String name, RecordType type) {}
}
