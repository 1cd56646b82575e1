package dev.svcalias.app;

import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.naming.TargetRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ServiceEntry for an alias. Only the fields the istio-coredns-plugin's old Istio API parses: hosts,
 * addresses, ports (number, name, protocol), location, resolution, endpoints (address). The plugin ignores
 * entries without a plain IP address, so the target's ClusterIP goes into addresses.
 */
final class ServiceEntryManifest {
    private ServiceEntryManifest() {}

    static Map<String, Object> build(String apiVersion, String host, String alias, String domain, TargetRef target,
                                     ServiceInfo service, String clusterDomain) {
        return build(apiVersion, host, alias, domain, target, service, clusterDomain, false);
    }

    /**
     * @param meshProtocols istio mode: each port's protocol is the one Istio itself gives the target's port (its
     *                      name prefix, "http-web" -> HTTP), so HTTP routing applies to the alias host instead of
     *                      plain TCP proxying (istio/istio#45401); istiocoredns mode keeps the Service's protocol
     */
    static Map<String, Object> build(String apiVersion, String host, String alias, String domain, TargetRef target,
                                     ServiceInfo service, String clusterDomain, boolean meshProtocols) {
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

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hosts", List.of(host));
        spec.put("addresses", List.of(service.clusterIP()));
        spec.put("ports", ports(service, meshProtocols));
        spec.put("location", "MESH_INTERNAL");
        spec.put("resolution", "DNS");
        spec.put("endpoints", List.of(Map.of("address", target.fqdn(clusterDomain))));

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "networking.istio.io/" + apiVersion);
        manifest.put("kind", "ServiceEntry");
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);
        return manifest;
    }

    /**
     * Istio requires a port name; unnamed Service ports become "tcp-80" style names. Istio's CRD refuses two ports with
     * one number ("port number cannot be duplicated"), which a Service may have on TCP and UDP (kube-dns's 53): the
     * TCP one is kept, the protocol Istio proxies (UDP passes a sidecar untouched).
     */
    private static List<Object> ports(ServiceInfo service, boolean meshProtocols) {
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
