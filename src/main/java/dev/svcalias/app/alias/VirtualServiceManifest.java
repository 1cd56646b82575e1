package dev.svcalias.app.alias;

import dev.svcalias.cluster.ServiceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * istio mode's VirtualService for an alias: host NAME.ZONE, one route per target port to the target's own name
 * and port. istiod then builds the alias's virtual host (and TCP proxies) with the route to the target's cluster
 * {@code outbound|PORT||SVC.NS.svc.DOMAIN}, where the target's DestinationRule, mTLS and VirtualService rules
 * apply, instead of a cluster of the ServiceEntry's own (which bypasses them, istio/istio#45401). The routing is by
 * name, so it survives the target being re-created with another ClusterIP.
 */
final class VirtualServiceManifest {
    /**
     * Istio's HTTP-family protocols get http routes, its TLS protocols tls routes matching the alias as SNI (Istio
     * ignores tcp routes on TLS ports), every other port tcp routes; UDP is not proxied.
     */
    private static final Set<String> TLS = Set.of("HTTPS", "TLS");

    private VirtualServiceManifest() {}

    /** The manifest, or an empty map when no port of the target can be routed (UDP only). */
    static Map<String, Object> build(ResolvedAlias spec) {
        String destination = spec.target().fqdn(spec.clusterDomain());
        List<Object> http = new ArrayList<>();
        List<Object> tcp = new ArrayList<>();
        List<Object> tls = new ArrayList<>();
        for (ServiceInfo.PortInfo p : spec.service().ports()) {
            if ("UDP".equalsIgnoreCase(p.protocol())) {
                continue;
            }
            String protocol = IstioProtocols.fromPortName(p.name());
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("port", p.port());
            if (TLS.contains(protocol)) {
                match.put("sniHosts", List.of(spec.host()));
            }
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("match", List.of(match));
            Map<String, Object> to = new LinkedHashMap<>(); // host first, as kubectl shows it
            to.put("host", destination);
            to.put("port", Map.of("number", p.port()));
            route.put("route", List.of(Map.of("destination", to)));
            (IstioProtocols.routedByHost(protocol) ? http : TLS.contains(protocol) ? tls : tcp).add(route);
        }
        if (http.isEmpty() && tcp.isEmpty() && tls.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hosts", List.of(spec.host()));
        if (!http.isEmpty()) {
            body.put("http", http);
        }
        if (!tls.isEmpty()) {
            body.put("tls", tls);
        }
        if (!tcp.isEmpty()) {
            body.put("tcp", tcp);
        }
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

    /** Every destination host the routes of a VirtualService spec name (http, tcp and tls routes). */
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
