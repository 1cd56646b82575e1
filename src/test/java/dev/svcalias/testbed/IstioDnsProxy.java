package dev.svcalias.testbed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A meshed client's DNS: src/testbed/istio-dns-proxy, Istio's own DNS proxy code (pkg/dns/client, what pilot-agent
 * runs with ISTIO_META_DNS_CAPTURE=true) fed by istiod over xDS (Istio's pkg/adsc, plaintext), answering UDP and
 * TCP on 127.0.0.1. It connects as the sidecar {@code sidecar~127.0.0.1~WORKLOAD.NAMESPACE~NAMESPACE.svc.cluster.local}
 * with DNS capture on, and names not in istiod's name table go to the upstream it was given (kube-dns), as from a
 * pod whose resolv.conf names kube-dns; its search path is the pod's ({@code NAMESPACE.svc.cluster.local} first).
 * It also subscribes to clusters, listeners and routes, like Envoy, so istiod treats it as a connected proxy.
 */
public final class IstioDnsProxy implements AutoCloseable {
    private final int dnsPort;
    private final int httpPort;
    private final String namespace;
    private final String workload;
    private final LocalProcess process;

    /**
     * @param dnsAutoAllocate connect with {@code DNS_AUTO_ALLOCATE} in its metadata, as a sidecar with
     *                        {@code ISTIO_META_DNS_AUTO_ALLOCATE=true} (Istio 1.9-1.22's auto-allocation switch)
     */
    IstioDnsProxy(Istiod istiod, String upstream, String namespace, String workload, boolean dnsAutoAllocate,
                  Path dir) {
        this.dnsPort = FreePorts.next();
        this.httpPort = FreePorts.next();
        this.namespace = namespace;
        this.workload = workload;
        List<String> command = new ArrayList<>(List.of(Testbed.istioDnsProxy().toString(),
                "-xds", istiod.xdsAddress(), "-dns", dnsAddress(), "-http", httpAddress(),
                "-upstream", upstream, "-namespace", namespace, "-workload", workload, "-ip", "127.0.0.1"));
        if (dnsAutoAllocate) {
            command.add("-dns-auto-allocate");
        }
        this.process = new LocalProcess("istio-dns-proxy", command, dir.resolve("istio-dns-proxy.log"));
        awaitNameTable();
    }

    /** Waits until istiod pushed the first name table (before it, Istio's proxy answers SERVFAIL). */
    private void awaitNameTable() {
        LoopbackHttp.await(process, "istio-dns-proxy got no name table from istiod", 60,
                () -> LoopbackHttp.ok(httpAddress(), "/ready"));
    }

    /** Where the meshed client's DNS answers (UDP and TCP), 127.0.0.1:PORT. */
    public String dnsAddress() {
        return "127.0.0.1:" + dnsPort;
    }

    /** The proxy id istiod knows this client by (for /debug/config_dump?proxyID=...): WORKLOAD.NAMESPACE. */
    public String proxyId() {
        return workload + "." + namespace;
    }

    /** The last NameTable istiod pushed, host to IPs (istio.networking.nds.v1.NameTable's table). */
    public Map<String, List<String>> nameTable() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (json("/nametable").get("table") instanceof Map<?, ?> table) {
            table.forEach((host, info) -> out.put(String.valueOf(host), strings(((Map<?, ?>) info).get("ips"))));
        }
        return out;
    }

    /** The route configurations istiod pushed, by name ("80", "8080", ...), as Envoy RouteConfiguration JSON. */
    public Map<?, ?> routes() {
        return json("/routes");
    }

    /** The listeners istiod pushed, by name, as Envoy Listener JSON. */
    public Map<?, ?> listeners() {
        return json("/listeners");
    }

    /** The clusters istiod pushed (CDS, EDS ones included), by name, as Envoy Cluster JSON. */
    public Map<?, ?> clusters() {
        return json("/clusters");
    }

    /**
     * How Envoy finds the endpoints of cluster {@code name}: its discovery type ("EDS", "ORIGINAL_DST", ...);
     * empty when istiod sent no such cluster.
     */
    public String clusterType(String name) {
        if (clusters().get(name) instanceof Map<?, ?> cluster) {
            Object type = cluster.get("type");
            // protojson leaves out a field at its default, STATIC; an EDS cluster says so in edsClusterConfig too
            return type == null ? "STATIC" : String.valueOf(type);
        }
        return "";
    }

    /** Every domain of every virtual host in route configuration {@code name}; empty when istiod sent none. */
    public List<String> routeDomains(String name) {
        List<String> domains = new ArrayList<>();
        if (routes().get(name) instanceof Map<?, ?> route && route.get("virtualHosts") instanceof List<?> hosts) {
            for (Object vh : hosts) {
                domains.addAll(strings(((Map<?, ?>) vh).get("domains")));
            }
        }
        return domains;
    }

    /**
     * The clusters the routes of the virtual host that serves {@code domain} in route configuration {@code name}
     * send requests to (route.cluster, or each of route.weightedClusters); empty without such a virtual host.
     */
    public List<String> routeClusters(String name, String domain) {
        List<String> clusters = new ArrayList<>();
        if (routes().get(name) instanceof Map<?, ?> route && route.get("virtualHosts") instanceof List<?> hosts) {
            for (Object vh : hosts) {
                Map<?, ?> host = (Map<?, ?>) vh;
                if (!strings(host.get("domains")).contains(domain) || !(host.get("routes") instanceof List<?> rs)) {
                    continue;
                }
                for (Object r : rs) {
                    if (((Map<?, ?>) r).get("route") instanceof Map<?, ?> action) {
                        if (action.get("cluster") != null) {
                            clusters.add(String.valueOf(action.get("cluster")));
                        } else if (action.get("weightedClusters") instanceof Map<?, ?> w
                                && w.get("clusters") instanceof List<?> ws) {
                            ws.forEach(c -> clusters.add(String.valueOf(((Map<?, ?>) c).get("name"))));
                        }
                    }
                }
            }
        }
        return clusters;
    }

    /** The clusters that tcp_proxy filters in listener {@code name} send connections to; empty without one. */
    public List<String> tcpProxyClusters(String name) {
        List<String> clusters = new ArrayList<>();
        if (listeners().get(name) instanceof Map<?, ?> listener
                && listener.get("filterChains") instanceof List<?> chains) {
            for (Object fc : chains) {
                for (Object f : (List<?>) ((Map<?, ?>) fc).get("filters")) {
                    Map<?, ?> filter = (Map<?, ?>) f;
                    if ("envoy.filters.network.tcp_proxy".equals(filter.get("name"))) {
                        clusters.add(String.valueOf(((Map<?, ?>) filter.get("typedConfig")).get("cluster")));
                    }
                }
            }
        }
        return clusters;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private Map<?, ?> json(String path) {
        return (Map<?, ?>) LoopbackHttp.json(httpAddress(), path);
    }

    private String httpAddress() {
        return "127.0.0.1:" + httpPort;
    }

    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }
}
