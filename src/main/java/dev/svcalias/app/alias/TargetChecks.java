package dev.svcalias.app.alias;

import dev.svcalias.error.SvcaliasException;

/** Which targets a backend can alias: defined per mode, refused with exit 5 and a way out. */
final class TargetChecks {
    private TargetChecks() {}

    /** A ServiceEntry alias answers with one fixed address: the target needs a ClusterIP. */
    static void requireClusterIp(ResolvedAlias spec, String what) {
        refuseExternalName(spec);
        var service = spec.service();
        if (service.headless() || service.clusterIP() == null || service.clusterIP().isBlank()) {
            throw SvcaliasException.state("Service " + spec.target() + " is headless (clusterIP: None); " + what
                    + " can only answer with one fixed address", "alias a Service with a ClusterIP");
        }
    }

    /**
     * An ExternalName target would make the alias a CNAME to a CNAME whose end is outside the cluster; svcalias
     * refuses it in every mode, so an alias always ends at a Service of the cluster.
     */
    static void refuseExternalName(ResolvedAlias spec) {
        var service = spec.service();
        if (service.externalNameType()) {
            throw SvcaliasException.state("Service " + spec.target() + " is of type ExternalName ("
                    + service.externalName() + ") and has no ClusterIP for svcalias to answer with",
                    "alias a Service with a ClusterIP, or point clients at " + service.externalName() + " directly");
        }
    }
}
