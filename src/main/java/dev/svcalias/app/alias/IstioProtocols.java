package dev.svcalias.app.alias;

import java.util.Locale;
import java.util.Map;

/**
 * Istio's explicit protocol selection by port name ({@code <protocol>[-<suffix>]}): the protocol Istio gives a
 * Service port, which an alias's ServiceEntry port must repeat for the same routing.
 */
final class IstioProtocols {
    private static final Map<String, String> BY_PREFIX = Map.ofEntries(Map.entry("http", "HTTP"),
            Map.entry("http2", "HTTP2"), Map.entry("grpc", "GRPC"), Map.entry("grpc-web", "GRPC-Web"),
            Map.entry("https", "HTTPS"), Map.entry("tls", "TLS"), Map.entry("mongo", "Mongo"),
            Map.entry("mysql", "MySQL"), Map.entry("redis", "Redis"), Map.entry("tcp", "TCP"),
            Map.entry("udp", "UDP"));

    /** The protocols Istio routes by Host header (http routes, a virtual host per host). */
    private static final java.util.Set<String> BY_HOST = java.util.Set.of("HTTP", "HTTP2", "GRPC", "GRPC-Web");

    private IstioProtocols() {}

    /** HTTP, HTTP2, GRPC or GRPC-Web: routed by Host header, so hosts without an address of their own share it. */
    static boolean routedByHost(String protocol) {
        return BY_HOST.contains(protocol);
    }

    /** "http-web" -> HTTP, "grpc" -> GRPC, unknown or unnamed -> TCP. */
    static String fromPortName(String name) {
        if (name == null || name.isBlank()) {
            return "TCP";
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("grpc-web")) {
            return "GRPC-Web";
        }
        int dash = n.indexOf('-');
        return BY_PREFIX.getOrDefault(dash < 0 ? n : n.substring(0, dash), "TCP");
    }
}
