package dev.svcalias.naming;

import dev.svcalias.error.SvcaliasException;

/** The Service an alias points at, parsed from "svc.ns", "svc.ns.svc.CLUSTER_DOMAIN" or "svc" with -n. */
public record TargetRef(String name, String namespace) {
    public static TargetRef parse(String target, String namespaceFlag, String clusterDomain) {
        String t = target.endsWith(".") ? target.substring(0, target.length() - 1) : target;
        String suffix = ".svc." + clusterDomain;
        if (t.endsWith(suffix)) {
            t = t.substring(0, t.length() - suffix.length());
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length == 1 && namespaceFlag != null) {
            return new TargetRef(parts[0], namespaceFlag);
        }
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            if (namespaceFlag != null && !namespaceFlag.equals(parts[1])) {
                throw SvcaliasException.usage("TARGET " + target + " names namespace " + parts[1] + " but -n says "
                        + namespaceFlag, "drop -n or the namespace part of TARGET");
            }
            return new TargetRef(parts[0], parts[1]);
        }
        if (parts.length == 1) {
            throw SvcaliasException.usage("TARGET " + target + " has no namespace",
                    "write it as SERVICE.NAMESPACE, e.g. fruits-api-service.micro-shake-factory, or add -n NAMESPACE");
        }
        throw SvcaliasException.usage("TARGET " + target + " is not SERVICE.NAMESPACE or SERVICE.NAMESPACE" + suffix,
                "e.g. fruits-api-service.micro-shake-factory");
    }

    /** TARGET and -n checked on their own (each part a DNS-1123 label), before the cluster domain is known. */
    public static void checkSyntax(String target, String namespaceFlag) {
        if (namespaceFlag != null) {
            KubeNames.namespace("-n", namespaceFlag);
        }
        String t = target.endsWith(".") ? target.substring(0, target.length() - 1) : target;
        String[] parts = t.split("\\.", -1);
        if (namespaceFlag != null && parts.length >= 2 && !namespaceFlag.equals(parts[1])) {
            throw SvcaliasException.usage("TARGET " + dev.svcalias.error.Echo.quoted(target) + " names namespace "
                    + dev.svcalias.error.Echo.quoted(parts[1]) + " but -n says " + namespaceFlag,
                    "drop -n or the namespace part of TARGET");
        }
        for (String part : parts) {
            if (!KubeNames.label(part)) {
                throw SvcaliasException.usage("TARGET " + dev.svcalias.error.Echo.quoted(target) + " is not a "
                        + "Service name: each part must be 1-63 characters of a-z, 0-9 and '-'",
                        "write it as SERVICE.NAMESPACE, e.g. fruits-api-service.micro-shake-factory");
            }
        }
    }

    /** The in-cluster name, e.g. fruits-api-service.micro-shake-factory.svc.cluster.local. */
    public String fqdn(String clusterDomain) {
        return name + "." + namespace + ".svc." + clusterDomain;
    }

    @Override
    public String toString() {
        return name + "." + namespace;
    }
}
