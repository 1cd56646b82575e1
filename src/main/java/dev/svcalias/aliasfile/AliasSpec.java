package dev.svcalias.aliasfile;

import java.util.List;

/**
 * One alias as a file declares it. {@code name} is the short name (my-fruits) and {@code host} is null, or, for
 * items copied from {@code alias list -o yaml}, {@code host} is the full name (my-fruits.internal) and {@code name}
 * is null. {@code domain} is the item's own or the file's; null only for a {@code host} item in a file without one
 * (then the cluster's zones decide). {@code ports} is empty when the file leaves them to the target Service.
 * {@code written} is the target as the file writes it ("svc.ns" or "svc.ns.svc.CLUSTER_DOMAIN"): once the cluster
 * domain is known it goes through the same TargetRef check as alias add's TARGET.
 */
public record AliasSpec(String name, String host, String domain, String service, String namespace,
                        String written, List<PortSpec> ports, String where) {
    public AliasSpec {
        ports = List.copyOf(ports);
    }

    /** "svc.ns", as svcalias writes targets. */
    public String target() {
        return service + "." + namespace;
    }

    /** The full alias host when the file says it outright (a name with a domain, or a host item). */
    public String knownHost() {
        if (host != null) {
            return host;
        }
        return domain == null ? null : name + "." + domain;
    }
}
