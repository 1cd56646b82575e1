package dev.svcalias.app.alias;

import dev.svcalias.cluster.ServiceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * istio mode's VirtualService for an alias: host NAME.ZONE, one http route per HTTP-family port of the target to
 * the target's own name and port. istiod then builds the alias's virtual host with the route to the target's
 * cluster {@code outbound|PORT||SVC.NS.svc.DOMAIN}, where the target's DestinationRule, mTLS and VirtualService rules
 * apply, instead of a cluster of the ServiceEntry's own (which bypasses them, istio/istio#45401). The routing is by
 * name, so it survives the target being re-created with another ClusterIP. Only HTTP-family ports are routed:
 * they are the only ports the alias's ServiceEntry declares (ADR 0180), so istiod binds no tcp or tls route of the
 * alias; TCP and TLS to the alias reach the target's own listener on its ClusterIP (ADR 0200).
 */
final class VirtualServiceManifest {
    private VirtualServiceManifest() {}

    /** Whether the target has a port Istio routes by Host header, so that the alias gets a VirtualService. */
    static boolean routable(ServiceInfo service) {
        return service.ports().stream().anyMatch(VirtualServiceManifest::routedByHost);
    }

    /** A TCP port whose name gives it a protocol Istio routes by Host header (HTTP, HTTP2, GRPC, GRPC-Web). */
    private static boolean routedByHost(ServiceInfo.PortInfo port) {
        return !"UDP".equalsIgnoreCase(port.protocol())
                && IstioProtocols.routedByHost(IstioProtocols.fromPortName(port.name()));
    }

    /** The manifest, or an empty map when no port of the target is routed by Host header (see {@link #routable}). */
    static Map<String, Object> build(ResolvedAlias spec) {
        String destination = spec.target().fqdn(spec.clusterDomain());
        List<Object> http = new ArrayList<>();
        for (ServiceInfo.PortInfo p : spec.service().ports()) {
            if (!routedByHost(p)) {
                continue;
            }
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("match", List.of(Map.of("port", p.port())));
            Map<String, Object> to = new LinkedHashMap<>(); // host first, as kubectl shows it
            to.put("host", destination);
            to.put("port", Map.of("number", p.port()));
            route.put("route", List.of(Map.of("destination", to)));
            http.add(route);
        }
        if (http.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hosts", List.of(spec.host()));
        body.put("http", http);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "networking.istio.io/v1");
        manifest.put("kind", "VirtualService");
        manifest.put("metadata", metadata(spec));
        manifest.put("spec", body);
        return manifest;
    }

    private static Map<String, Object> metadata(ResolvedAlias spec) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER);
        labels.put(ManagedLabels.ALIAS, ManagedLabels.value(spec.name()));
        labels.put(ManagedLabels.DOMAIN, ManagedLabels.value(spec.domain()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", spec.host());
        metadata.put("namespace", spec.target().namespace());
        metadata.put("labels", labels);
        metadata.put("annotations", Map.of(ManagedLabels.TARGET, spec.target().toString()));
        return metadata;
    }

    /** Every destination host the routes of a VirtualService spec name (http, and an older svcalias's tcp and tls). */
    static Set<String> destinations(Map<String, Object> spec) {
        Set<String> hosts = new java.util.TreeSet<>();
        for (String kind : List.of("http", "tcp", "tls")) {
            if (spec.get(kind) instanceof List<?> routes) {
                for (Object r : routes) {
                    if (r instanceof Map<?, ?> m && m.get("route") instanceof List<?> dests) {
                        for (Object d : dests) {
                            if (d instanceof Map<?, ?> dm && dm.get("destination") instanceof Map<?, ?> dest) {
                                hosts.add(String.valueOf(dest.get("host")));
                            }
                        }
                    }
                }
            }
        }
        return hosts;
    }
}
