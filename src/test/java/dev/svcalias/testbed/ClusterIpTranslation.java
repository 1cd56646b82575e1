package dev.svcalias.testbed;

import dev.svcalias.testbed.CorefileTokens.Block;
import dev.svcalias.testbed.CorefileTokens.Line;
import dev.svcalias.testbed.CorefileTokens.Word;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE one place where the testbed departs from a real cluster: what kubelet, kube-proxy and the pod network do
 * between a ConfigMap's Corefile and a CoreDNS process. It rewrites the text CoreDNS reads (never the ConfigMap),
 * word by word, leaving every other byte as svcalias wrote it. Every address it produces is on 127.0.0.1; no
 * other address is ever a target:
 * <ol>
 *   <li><b>kube-proxy</b>: an upstream of {@code forward}/{@code proxy}/{@code grpc} that is a Service ClusterIP
 *       (with or without {@code :53}) becomes 127.0.0.1:PORT of the process playing that Service (istiocoredns's
 *       10.96.100.53 -> its loopback port). ClusterIPs are never routed; they only appear as data in answers.</li>
 *   <li><b>the pod's ports</b>: server block keys keep their zones; their ports become loopback ports, one per
 *       declared port: the port of the root zone "." (else of the first block), which the Service targets,
 *       becomes {@code listenPort}; any other declared port gets a port of its own, so a block svcalias put on the
 *       wrong port stays unreachable, as in a cluster. Each server block gets {@code bind 127.0.0.1} (an
 *       existing {@code bind} of IP addresses is replaced), written on the line of its '{' so that CoreDNS's
 *       error messages keep the line numbers of the ConfigMap's text. {@code prometheus}, {@code health}, {@code ready} and
 *       {@code pprof} listeners get free loopback ports.</li>
 *   <li><b>the pod's loopback</b>: an upstream 127.0.0.1:P where P is the root zone's declared port is this
 *       CoreDNS itself (svcalias's coredns-mode block forwards back to kube-dns's own root block), so it becomes
 *       127.0.0.1:{@code listenPort}.</li>
 *   <li><b>the Istio plugin sidecar</b>: 127.0.0.1:8053 becomes 127.0.0.1:{@code pluginPort} when 8053 was
 *       taken on this machine.</li>
 *   <li><b>the node's resolver and the internet</b>: a resolv.conf path or a non-loopback IP upstream that is
 *       no known Service becomes 127.0.0.1:9, where nothing answers, so no query leaves the machine.</li>
 *   <li><b>the service account</b>: the {@code kubernetes} plugin gets {@code kubeconfig} for the local API
 *       server (in a pod it uses its token; an {@code endpoint} option is pointed at the local API server).</li>
 *   <li><b>kubelet's delay</b>: {@code reload} checks every 2s instead of 30s (the copy itself is
 *       {@link CoreDnsProcess}'s).</li>
 * </ol>
 * Words it cannot read as an address (placeholders such as {@code __PILLAR__DNS__SERVER__}) are left alone, so
 * CoreDNS still refuses what it would refuse in a cluster.
 */
final class ClusterIpTranslation {
    static final String BLACKHOLE = "127.0.0.1:9";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?::(\\d+))?");
    private static final Pattern LISTEN = Pattern.compile("(?:(\\d{1,3}(?:\\.\\d{1,3}){3})|0\\.0\\.0\\.0|)?:(\\d+)");

    private final Map<String, String> serviceIps;
    private final int listenPort;
    private final int pluginPort;
    private final Path kubeconfig;
    private final String apiServerUrl;
    // stable for the life of the process: a reload that moved a listener would be a change of our own making
    private final Map<Integer, Integer> extraPorts = new HashMap<>();
    private final Map<String, Integer> sidePorts = new HashMap<>();
    private int declaredRootPort = 53;

    /**
     * @param serviceIps ClusterIP -> "127.0.0.1:PORT" of the process playing that Service
     * @param listenPort the loopback port this CoreDNS process serves DNS on (the Service's target port)
     */
    ClusterIpTranslation(Map<String, String> serviceIps, int listenPort, int pluginPort, Path kubeconfig,
                         String apiServerUrl) {
        this.serviceIps = Map.copyOf(serviceIps);
        this.listenPort = listenPort;
        this.pluginPort = pluginPort;
        this.kubeconfig = kubeconfig;
        this.apiServerUrl = apiServerUrl;
    }

    synchronized String materialise(String corefile) {
        List<Block> blocks = CorefileTokens.blocks(corefile);
        List<Splice> splices = new ArrayList<>();
        int rootPort = rootPort(blocks);
        declaredRootPort = rootPort;
        for (Block block : blocks) {
            if (!block.snippet()) {
                for (Word key : block.keys()) {
                    splices.add(new Splice(key.start(), key.end(), withPort(key.text(), rootPort)));
                }
                Line bind = block.lines().stream().filter(l -> l.depth() == 1 && isBind(l)).findFirst().orElse(null);
                if (bind == null) {
                    // on the line of '{', so CoreDNS's error messages keep their line numbers
                    splices.add(new Splice(block.afterOpen(), block.afterOpen(), block.braceless()
                            ? "\nbind 127.0.0.1" : block.folded() ? " bind 127.0.0.1\n" : " bind 127.0.0.1"));
                } else if (bind.args().stream().allMatch(w -> IPV4.matcher(w.text()).matches()
                        || w.text().contains(":"))) {
                    replaceArgs(bind, "127.0.0.1", splices);
                }
            }
            String plugin = null;
            for (Line line : block.lines()) {
                if (line.depth() == 1) {
                    plugin = line.first().text();
                    directive(line, splices);
                } else if (line.depth() == 2 && "kubernetes".equals(plugin)
                        && Set.of("endpoint", "kubeconfig").contains(line.first().text())) {
                    replaceArgs(line, line.first().text().equals("endpoint") ? apiServerUrl : kubeconfig.toString(),
                            splices);
                }
            }
        }
        splices.sort((a, b) -> Integer.compare(b.start, a.start));
        StringBuilder sb = new StringBuilder(corefile);
        for (Splice s : splices) {
            sb.replace(s.start, s.end, s.text);
        }
        return sb.toString();
    }

    private void directive(Line line, List<Splice> splices) {
        String name = line.first().text();
        List<Word> args = line.args();
        switch (name) {
            case "forward", "proxy", "grpc" -> {
                if (args.size() < 2) {
                    return;
                }
                List<Word> to = args.subList(1, args.size());
                Set<String> mapped = new LinkedHashSet<>();
                for (Word w : to) {
                    mapped.add(upstream(w.text()));
                }
                splices.add(new Splice(to.get(0).start(), to.get(to.size() - 1).end(), String.join(" ", mapped)));
            }
            case "prometheus", "health", "ready", "pprof" -> {
                String original = args.isEmpty() ? "" : args.get(0).text();
                if (!original.isEmpty() && !LISTEN.matcher(original).matches()) {
                    return; // a placeholder: CoreDNS decides
                }
                String listen = "127.0.0.1:" + sidePorts.computeIfAbsent(name + " " + original, k -> FreePorts.next());
                if (args.isEmpty()) {
                    splices.add(new Splice(line.first().end(), line.first().end(), " " + listen));
                } else {
                    splices.add(new Splice(args.get(0).start(), args.get(0).end(), listen));
                }
            }
            case "reload" -> splices.add(new Splice(line.first().start(), lastEnd(line), "reload 2s 1s"));
            case "kubernetes" -> {
                // after its '{', on the same line, so line numbers stay as they were; a kubernetes line without
                // options gets a block of two more lines
                String option = "kubeconfig " + kubeconfig;
                if (line.opens()) {
                    splices.add(new Splice(line.openEnd(), line.openEnd(), " " + option));
                } else {
                    splices.add(new Splice(lastEnd(line), lastEnd(line), " {\n        " + option + "\n    }"));
                }
            }
            default -> { }
        }
    }

    /** An upstream as the testbed reaches it; see the class comment. */
    private String upstream(String to) {
        int scheme = to.indexOf("://");
        String prefix = scheme < 0 ? "" : to.substring(0, scheme + 3);
        String address = scheme < 0 ? to : to.substring(scheme + 3);
        if (address.startsWith("/")) {
            return BLACKHOLE; // a resolv.conf: the node's resolver
        }
        Matcher m = IPV4.matcher(address);
        if (!m.matches()) {
            return to; // a placeholder or a name: CoreDNS decides
        }
        String ip = m.group(1);
        int port = m.group(2) == null ? 53 : Integer.parseInt(m.group(2));
        if (serviceIps.containsKey(ip) && port == 53) {
            return prefix + serviceIps.get(ip);
        }
        if (ip.equals("127.0.0.1") && port == 8053) {
            return prefix + "127.0.0.1:" + pluginPort;
        }
        if (ip.equals("127.0.0.1") && port == declaredRootPort) {
            return prefix + "127.0.0.1:" + listenPort; // the pod's own root block
        }
        return ip.startsWith("127.") ? to : BLACKHOLE;
    }

    private int rootPort(List<Block> blocks) {
        Integer first = null;
        for (Block b : blocks) {
            for (Word key : b.keys()) {
                if (b.snippet()) {
                    continue;
                }
                Key k = Key.parse(key.text());
                if (first == null) {
                    first = k.port;
                }
                if (k.zone.equals(".") || k.zone.isEmpty()) {
                    return k.port;
                }
            }
        }
        return first == null ? 53 : first;
    }

    private String withPort(String keyText, int rootPort) {
        String comma = keyText.endsWith(",") ? "," : "";
        Key k = Key.parse(keyText.substring(0, keyText.length() - comma.length()));
        if (k.port < 0 || k.port > 65535) {
            return keyText; // no socket can have it: CoreDNS refuses it ("invalid port") and listens nowhere
        }
        int port = k.port == rootPort ? listenPort : extraPorts.computeIfAbsent(k.port, p -> FreePorts.next());
        return k.scheme + k.zone + ":" + port + comma;
    }

    private static boolean isBind(Line line) {
        return line.first().text().equals("bind") && !line.args().isEmpty();
    }

    private static void replaceArgs(Line line, String text, List<Splice> splices) {
        if (line.args().isEmpty()) {
            splices.add(new Splice(line.first().end(), line.first().end(), " " + text));
        } else {
            splices.add(new Splice(line.args().get(0).start(), lastEnd(line), text));
        }
    }

    private static int lastEnd(Line line) {
        return line.words().get(line.words().size() - 1).end();
    }

    /**
     * A server block key: scheme, zone, port (53 when absent). As CoreDNS reads it (plugin.SplitHostPort): what
     * follows the last colon is the port when Go's strconv.Atoi reads it (a sign, then digits, within int64), even
     * one no socket can have; anything else is part of the zone.
     */
    private record Key(String scheme, String zone, int port) {
        static Key parse(String text) {
            int s = text.indexOf("://");
            String scheme = s < 0 ? "" : text.substring(0, s + 3);
            String rest = s < 0 ? text : text.substring(s + 3);
            int colon = rest.lastIndexOf(':');
            if (colon >= 0 && rest.substring(colon + 1).matches("[+-]?[0-9]+")) {
                try {
                    long port = Long.parseLong(rest.substring(colon + 1));
                    return new Key(scheme, rest.substring(0, colon), (int) Math.max(-1, Math.min(port, 65536)));
                } catch (NumberFormatException pastInt64) {
                    return new Key(scheme, rest, 53);
                }
            }
            return new Key(scheme, rest, 53);
        }
    }

    private record Splice(int start, int end, String text) {}
}
