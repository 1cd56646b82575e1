package dev.svcalias.app;

import dev.svcalias.cluster.ProbePods;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.NslookupOutput;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipe's "dig pod", made safe: one short-lived pod runs nslookup for every query against kube-dns's
 * ClusterIP and prints a marker line before each answer so the log can be split per query.
 */
public final class PodDnsProbe implements DnsProbe {
    static final String DEFAULT_IMAGE = "busybox:1.36";
    private static final String MARKER = "### svcalias query ";
    private final ProbePods pods;
    private final String namespace;
    private final String image;
    private final String nameserver;
    private final Duration timeout;

    public PodDnsProbe(ProbePods pods, String namespace, String image, String nameserver, Duration timeout) {
        this.pods = pods;
        this.namespace = namespace;
        this.image = image;
        this.nameserver = nameserver;
        this.timeout = timeout;
    }

    /**
     * The queries travel as arguments (type, name pairs; each argument short, far below the kernel's 128 KiB limit
     * for one argument), and run as background jobs, {@value #CONCURRENCY} at a time. Each job prints its marker
     * and its answer with one echo, so answers of parallel jobs do not interleave. The root filesystem is read-only,
     * so nothing goes through files.
     */
    static final int CONCURRENCY = 32;
    static final String SCRIPT = "ns=$1; bound=$2; shift 2; i=0; "
            + "while [ $# -gt 1 ]; do t=$1; n=$2; shift 2; "
            + "( out=$(nslookup -type=$t $n $ns 2>&1); echo \"" + MARKER + "$i\n$out\" ) & "
            + "i=$((i+1)); if [ $((i % bound)) -eq 0 ]; then wait; fi; done; wait; echo '" + MARKER + "end'";

    @Override
    public Map<Query, DnsAnswer> resolve(List<Query> queries) {
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", SCRIPT, "sh", nameserver,
                String.valueOf(CONCURRENCY)));
        for (Query q : queries) {
            // names are validated DNS names (a-z0-9.-), so they are safe as shell words
            command.add(q.type().name().toLowerCase(java.util.Locale.ROOT));
            command.add(q.name());
        }
        ProbePods.ProbeResult result = pods.run(namespace, image, command, timeout);
        return split(queries, result);
    }

    private static Map<Query, DnsAnswer> split(List<Query> queries, ProbePods.ProbeResult result) {
        Map<Query, DnsAnswer> answers = new LinkedHashMap<>();
        String[] parts = result.log().split(java.util.regex.Pattern.quote(MARKER), -1);
        for (String part : parts) {
            int newline = part.indexOf('\n');
            String head = (newline < 0 ? part : part.substring(0, newline)).trim();
            if (!head.matches("\\d+")) {
                continue;
            }
            int index = Integer.parseInt(head);
            if (index < queries.size()) {
                answers.put(queries.get(index), NslookupOutput.parse(newline < 0 ? "" : part.substring(newline)));
            }
        }
        for (Query q : queries) {
            answers.putIfAbsent(q, DnsAnswer.timeout("probe pod " + result.podName() + " ended (" + result.phase()
                    + ") before answering"));
        }
        return answers;
    }

    @Override
    public String describe() {
        return nameserver + " (from a pod in " + namespace + ")";
    }
}
