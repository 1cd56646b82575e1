package dev.svcalias.testbed;

import dev.svcalias.corefile.Corefile;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.Directive;
import dev.svcalias.corefile.ServerBlock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * THE one place where the testbed departs from a real cluster when it turns a ConfigMap's Corefile into the file a
 * CoreDNS process reads (what kubelet + kube-proxy + the pod network do in a cluster). Everything stays on
 * 127.0.0.1; no other address is ever a target:
 * <ol>
 *   <li>kube-proxy: a Service ClusterIP named in {@code forward} (istiocoredns's) becomes 127.0.0.1:PORT of the
 *       process that plays that Service;</li>
 *   <li>pod network: every server block listens on this process's loopback port (keys ":53" -> ":PORT") and gets
 *       {@code bind 127.0.0.1}; {@code prometheus}, {@code health} and {@code ready} get free loopback ports;</li>
 *   <li>the Istio plugin's 127.0.0.1:8053 becomes the fake plugin's port when 8053 was taken;</li>
 *   <li>upstream resolvers ({@code /etc/resolv.conf}) become 127.0.0.1:9, where nothing answers, so no query leaves
 *       the machine; the {@code kubernetes} plugin gets a kubeconfig for the local API server (in a pod it would use
 *       the service-account token);</li>
 *   <li>{@code reload} checks every 2s instead of 30s, so tests do not wait half a minute per change.</li>
 * </ol>
 * The text svcalias wrote is otherwise untouched, so what CoreDNS loads is what svcalias produced.
 */
final class ClusterIpTranslation {
    private final Map<String, String> serviceIps;
    private final int listenPort;
    private final int pluginPort;
    private final Path kubeconfig;
    // stable per process: a reload that moved these listeners would be a change of our own making
    private final int metricsPort = FreePorts.next();
    private final int healthPort = FreePorts.next();
    private final int readyPort = FreePorts.next();

    /**
     * @param serviceIps ClusterIP -> "127.0.0.1:PORT" of the process playing that Service
     * @param listenPort the loopback port this CoreDNS process serves DNS on
     */
    ClusterIpTranslation(Map<String, String> serviceIps, int listenPort, int pluginPort, Path kubeconfig) {
        this.serviceIps = Map.copyOf(serviceIps);
        this.listenPort = listenPort;
        this.pluginPort = pluginPort;
        this.kubeconfig = kubeconfig;
    }

    String materialise(String corefile) {
        Corefile parsed = Corefiles.parse(corefile);
        List<Splice> splices = new ArrayList<>();
        for (ServerBlock block : parsed.serverBlocks()) {
            for (var key : block.keys()) {
                splices.add(new Splice(key.start(), key.end(), withPort(key.text())));
            }
            int afterOpenBrace = corefile.indexOf('{', block.keys().get(block.keys().size() - 1).end()) + 1;
            splices.add(new Splice(afterOpenBrace, afterOpenBrace, "\n    bind 127.0.0.1"));
            for (Directive d : block.directives()) {
                directive(d, splices);
            }
        }
        splices.sort((a, b) -> Integer.compare(b.start, a.start));
        StringBuilder sb = new StringBuilder(corefile);
        for (Splice s : splices) {
            sb.replace(s.start, s.end, s.text);
        }
        return sb.toString();
    }

    private void directive(Directive d, List<Splice> splices) {
        String name = d.pluginName();
        switch (name) {
            case "forward", "proxy", "grpc" -> {
                for (var arg : d.args().subList(Math.min(1, d.args().size()), d.args().size())) {
                    String to = arg.text();
                    String mapped = to.equals("/etc/resolv.conf") ? "127.0.0.1:9"
                            : to.equals("127.0.0.1:8053") ? "127.0.0.1:" + pluginPort
                            : serviceIps.getOrDefault(stripPort(to), null);
                    if (mapped != null) {
                        splices.add(new Splice(arg.start(), arg.end(), mapped));
                    }
                }
            }
            case "prometheus", "health", "ready" -> {
                int port = name.equals("prometheus") ? metricsPort : name.equals("health") ? healthPort : readyPort;
                String listen = "127.0.0.1:" + port;
                if (d.args().isEmpty()) {
                    splices.add(new Splice(d.name().end(), d.name().end(), " " + listen));
                } else {
                    splices.add(new Splice(d.args().get(0).start(), d.args().get(0).end(), listen));
                }
            }
            case "reload" -> splices.add(new Splice(d.name().start(), lastEnd(d), "reload 2s 1s"));
            case "kubernetes" -> {
                if (!d.nested().isEmpty()) {
                    int open = d.nested().get(0).end();
                    splices.add(new Splice(open, open, "\n       kubeconfig " + kubeconfig));
                } else {
                    int end = lastEnd(d);
                    splices.add(new Splice(end, end, " {\n       kubeconfig " + kubeconfig + "\n    }"));
                }
            }
            default -> { }
        }
    }

    private static int lastEnd(Directive d) {
        int end = d.name().end();
        for (var t : d.args()) {
            end = Math.max(end, t.end());
        }
        return end;
    }

    private String withPort(String key) {
        int scheme = key.indexOf("://");
        int from = scheme < 0 ? 0 : scheme + 3;
        int colon = key.lastIndexOf(':');
        boolean hasPort = colon >= from && colon + 1 < key.length()
                && key.substring(colon + 1).chars().allMatch(Character::isDigit);
        return (hasPort ? key.substring(0, colon) : key) + ":" + listenPort;
    }

    private static String stripPort(String address) {
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }

    private record Splice(int start, int end, String text) {}
}
