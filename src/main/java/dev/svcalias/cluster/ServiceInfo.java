package dev.svcalias.cluster;

import java.util.List;

/** The parts of a Kubernetes Service svcalias needs. clusterIP is "None" for headless Services. */
public record ServiceInfo(String namespace, String name, String type, String clusterIP, String externalName,
                          List<PortInfo> ports) {
    public record PortInfo(String name, int port, String protocol) {}

    public boolean headless() {
        return "None".equals(clusterIP);
    }

    public boolean externalNameType() {
        return "ExternalName".equals(type);
    }
}
