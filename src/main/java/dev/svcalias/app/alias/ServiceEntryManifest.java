package dev.svcalias.app.alias;

import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.naming.TargetRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ServiceEntry for an alias, in the {@link ServiceEntryShape} of its mode. Only fields the
 * istio-coredns-plugin's old Istio API parses: hosts, addresses, ports (number, name, protocol), location,
 * resolution, endpoints (address). The plugin ignores entries without a plain IP address, so in istiocoredns mode
 * the target's ClusterIP goes into addresses; istio mode writes none.
 */
final class ServiceEntryManifest {
    private ServiceEntryManifest() {}

    static Map<String, Object> build(String apiVersion, String host, String alias, String domain, TargetRef target,
                                     ServiceInfo service, String clusterDomain) {
        return build(apiVersion, host, alias, domain, target, service, clusterDomain, ServiceEntryShape.FIXED_ADDRESS);
    }

    static Map<String, Object> build(String apiVersion, String host, String alias, String domain, TargetRef target,
                                     ServiceInfo service, String clusterDomain, ServiceEntryShape shape) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER);
        labels.put(ManagedLabels.ALIAS, ManagedLabels.value(alias));
        labels.put(ManagedLabels.DOMAIN, ManagedLabels.value(domain));
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(ManagedLabels.TARGET, target.toString());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", host);
        metadata.put("namespace", target.namespace());
        metadata.put("labels", labels);
        metadata.put("annotations", annotations);

        Map<String, Object> spec = switch (shape) {
            case FIXED_ADDRESS -> fixedAddress(host, target, service, clusterDomain);
            case BY_NAME -> byName(host, service);
        };

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "networking.istio.io/" + apiVersion);
        manifest.put("kind", "ServiceEntry");
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);
        return manifest;
    }

    private static Map<String, Object> fixedAddress(String host, TargetRef target, ServiceInfo service,
                                                    String clusterDomain) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hosts", List.of(host));
        spec.put("addresses", List.of(service.clusterIP()));
        spec.put("ports", ports(service, false, protocol -> true));
        spec.put("location", "MESH_INTERNAL");
        spec.put("resolution", "DNS");
        spec.put("endpoints", List.of(Map.of("address", target.fqdn(clusterDomain))));
        return spec;
    }

    /** No addresses, no endpoints (resolution NONE takes none), only the ports Istio routes by Host. */
    private static Map<String, Object> byName(String host, ServiceInfo service) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hosts", List.of(host));
        List<Object> ports = ports(service, true, IstioProtocols::routedByHost);
        if (!ports.isEmpty()) {
            spec.put("ports", ports);
        }
        spec.put("location", "MESH_INTERNAL");
        spec.put("resolution", "NONE");
        return spec;
    }

    /**
     * The target's ports whose protocol {@code keep} accepts. Istio requires a port name; unnamed Service ports
     * become "tcp-80" style names. Istio's CRD refuses two ports with one number ("port number cannot be
     * duplicated"), which a Service may have on TCP and UDP (kube-dns's 53): the TCP one is kept, the protocol Istio
     * proxies (UDP passes a sidecar untouched). With {@code meshProtocols} (istio mode) a TCP port's protocol is the
     * one Istio itself gives the target's port (its name prefix, "http-web" -> HTTP), so HTTP routing applies to the
     * alias host (istio/istio#45401); istiocoredns mode keeps the Service's protocol.
     */
    private static List<Object> ports(ServiceInfo service, boolean meshProtocols,
                                      java.util.function.Predicate<String> keep) {
        Map<Integer, ServiceInfo.PortInfo> byNumber = new LinkedHashMap<>();
        for (ServiceInfo.PortInfo p : service.ports()) {
            byNumber.merge(p.port(), p, (kept, other) -> isTcp(kept) || !isTcp(other) ? kept : other);
        }
        List<Object> ports = new ArrayList<>();
        for (ServiceInfo.PortInfo p : byNumber.values()) {
            String protocol = p.protocol() == null || p.protocol().isBlank() ? "TCP" : p.protocol();
            if (meshProtocols && "TCP".equals(protocol)) {
                protocol = IstioProtocols.fromPortName(p.name());
            }
            if (!keep.test(protocol)) {
                continue;
            }
            String name = p.name() == null || p.name().isBlank()
                    ? protocol.toLowerCase(java.util.Locale.ROOT) + "-" + p.port() : p.name();
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("number", p.port());
            port.put("name", name);
            port.put("protocol", protocol);
            ports.add(port);
        }
        return ports;
    }

    private static boolean isTcp(ServiceInfo.PortInfo p) {
        return p.protocol() == null || p.protocol().isBlank() || "TCP".equals(p.protocol());
    }
}
