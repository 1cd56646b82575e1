package dev.svcalias.app;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsClient;
import dev.svcalias.dns.Nameserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Queries a nameserver this process can reach (--nameserver): for CI jobs inside the cluster and for tests. */
public final class DirectDnsProbe implements DnsProbe {
    private final DnsClient client;
    private final Nameserver server;

    public DirectDnsProbe(DnsClient client, Nameserver server) {
        this.client = client;
        this.server = server;
    }

    @Override
    public Map<Query, DnsAnswer> resolve(List<Query> queries) {
        Map<Query, DnsAnswer> answers = new LinkedHashMap<>();
        for (Query q : queries) {
            answers.put(q, client.query(q.name(), q.type(), server));
        }
        return answers;
    }

    @Override
    public String describe() {
        return server.toString();
    }
}
