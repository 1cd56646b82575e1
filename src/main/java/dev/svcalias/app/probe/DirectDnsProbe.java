package dev.svcalias.app.probe;

import dev.svcalias.app.Parallel;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsClient;
import dev.svcalias.dns.Nameserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Queries a nameserver this process can reach (--nameserver): for CI jobs inside the cluster and for tests. */
public final class DirectDnsProbe implements DnsProbe {
    /** Queries in flight at once; CoreDNS answers thousands per second, so this bounds only our own threads. */
    static final int CONCURRENCY = 64;
    private final DnsClient client;
    private final Nameserver server;

    public DirectDnsProbe(DnsClient client, Nameserver server) {
        this.client = client;
        this.server = server;
    }

    @Override
    public Map<Query, DnsAnswer> resolve(List<Query> queries) {
        // all at once, bounded: the wall time is about the slowest answer, not the sum of them
        List<DnsAnswer> results = Parallel.map(queries, CONCURRENCY, q -> client.query(q.name(), q.type(), server));
        Map<Query, DnsAnswer> answers = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            answers.put(queries.get(i), results.get(i));
        }
        return answers;
    }

    @Override
    public String describe() {
        return server.toString();
    }
}
