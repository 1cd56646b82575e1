package dev.svcalias.realit;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every CoreDNS replica of a node cluster, asked directly at its pod IP from the host (which sits on the pods'
 * bridge): how long until all of them answer a name as wanted.
 */
record Replicas(List<String> podIps) {
    private static final DnsjavaClient DNS = new DnsjavaClient(Duration.ofMillis(700));

    Map<String, DnsAnswer> query(String name, RecordType type) {
        Map<String, DnsAnswer> answers = new LinkedHashMap<>();
        for (String ip : podIps) {
            answers.put(ip, DNS.query(name, type, Nameserver.parse(ip + ":53")));
        }
        return answers;
    }

    /** Polls every 100 ms until every replica answers as wanted or {@code limit} passes; the last answers. */
    Timed awaitAll(String name, Predicate<DnsAnswer> wanted, Duration limit) {
        long start = System.nanoTime();
        Map<String, DnsAnswer> last = query(name, RecordType.A);
        while (!last.values().stream().allMatch(wanted) && System.nanoTime() - start < limit.toNanos()) {
            sleep(100);
            last = query(name, RecordType.A);
        }
        return new Timed(last, last.values().stream().allMatch(wanted), (System.nanoTime() - start) / 1_000_000);
    }

    record Timed(Map<String, DnsAnswer> answers, boolean all, long millis) {
        String describe() {
            StringBuilder sb = new StringBuilder();
            answers.forEach((ip, a) -> sb.append(ip).append(": ").append(a.describe()).append("; "));
            return sb + "after " + millis + " ms";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
