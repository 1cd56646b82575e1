package dev.svcalias.app.probe;

import dev.svcalias.app.zone.ClusterLayout;
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
    private final ProbePods.Meshing meshing;

    public PodDnsProbe(ProbePods pods, String namespace, String image, String nameserver, Duration timeout) {
        this(pods, namespace, image, nameserver, timeout, ProbePods.Meshing.NONE);
    }

    /**
     * @param meshing istio mode's {@code verify --meshed}: the same queries from a meshed pod, whose sidecar (DNS
     *                capture on) or ztunnel (ambient) answers them from istiod's name table
     */
    public PodDnsProbe(ProbePods pods, String namespace, String image, String nameserver, Duration timeout,
                       ProbePods.Meshing meshing) {
        this.pods = pods;
        this.namespace = namespace;
        this.image = image;
        this.nameserver = nameserver;
        this.timeout = timeout;
        this.meshing = meshing;
    }

    /**
     * The queries travel as arguments (server, type, name triples: kube-dns's ClusterIP, or one CoreDNS replica's
     * pod IP; each argument short, far below the kernel's 128 KiB limit
     * for one argument), and run as background jobs, {@value #CONCURRENCY} at a time. Each job prints its marker
     * and its answer with one echo, so answers of parallel jobs do not interleave. The root filesystem is read-only,
     * so nothing goes through files.
     */
    static final int CONCURRENCY = 32;
    static final String SCRIPT = "bound=$1; shift; i=0; "
            + "while [ $# -gt 2 ]; do ns=$1; t=$2; n=$3; shift 3; "
            + "( out=$(nslookup -type=$t $n $ns 2>&1); echo \"" + MARKER + "$i\n$out\" ) & "
            + "i=$((i+1)); if [ $((i % bound)) -eq 0 ]; then wait; fi; done; wait; echo '" + MARKER + "end'";

    /**
     * istio mode's {@code verify --meshed} without a proxy address: a pod enrolled in ambient when the cluster runs
     * ztunnel, else one with an injected sidecar and DNS capture on. svcalias turns nothing on for the mesh; the pod
     * asks for itself what any workload may ask for.
     */
    public static PodDnsProbe meshed(dev.svcalias.cluster.Cluster cluster, ClusterLayout layout, String namespace,
                                     String image, String nameserver, Duration timeout) {
        boolean ambient = cluster.services().daemonSetExists(layout.istioNamespace(), "ztunnel");
        return new PodDnsProbe(cluster.probePods(), namespace, image, nameserver, timeout,
                ambient ? ProbePods.Meshing.AMBIENT : ProbePods.Meshing.SIDECAR);
    }

    /**
     * A sidecar keeps running after the probe's command: the probe asks it to quit (pilot-agent's
     * /quitquitquit on 15020, as Istio documents for Jobs), so that the pod ends and its phase can be read.
     */
    static final String QUIT_SIDECAR = "; wget -q -O /dev/null --post-data= http://127.0.0.1:15020/quitquitquit"
            + " >/dev/null 2>&1 || true";

    @Override
    public Map<Query, DnsAnswer> resolve(List<Query> queries) {
        String script = meshing == ProbePods.Meshing.SIDECAR ? SCRIPT + QUIT_SIDECAR : SCRIPT;
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", script, "sh",
                String.valueOf(CONCURRENCY)));
        for (Query q : queries) {
            // names are validated DNS names (a-z0-9.-) and servers IP addresses, so they are safe as shell words
            command.add(q.server().isEmpty() ? nameserver : q.server());
            command.add(q.type().name().toLowerCase(java.util.Locale.ROOT));
            command.add(q.name());
        }
        ProbePods.ProbeResult result = pods.run(namespace, image, command, timeout, meshing);
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

    /** The plain probe sits on the pod network, where each replica's pod IP is reachable; a meshed one is captured. */
    @Override
    public boolean reachesReplicas() {
        return meshing == ProbePods.Meshing.NONE;
    }

    @Override
    public String describe() {
        return switch (meshing) {
            case NONE -> nameserver + " (from a pod in " + namespace + ")";
            case SIDECAR -> nameserver + " (from a meshed pod in " + namespace + ", its sidecar's DNS proxy)";
            case AMBIENT -> nameserver + " (from an ambient pod in " + namespace + ", ztunnel's DNS proxy)";
        };
    }
}
