package dev.svcalias.app.usecase;

import java.util.List;
import java.util.Optional;

/**
 * Zones a cloud provider's own DNS uses on its nodes. Forwarding such a zone to istiocoredns (which answers
 * NXDOMAIN for anything it does not know) would break names like metadata.google.internal or ec2.internal.
 */
final class CloudProviders {
    private CloudProviders() {}

    /** A warning when {@code domain} would shadow the provider's names, told by the nodes' providerIDs. */
    static Optional<String> shadowWarning(String domain, List<String> providerIds) {
        for (String id : providerIds) {
            if (id.startsWith("gce://") && shadows(domain, "google.internal")) {
                return Optional.of("nodes run on GCE, whose DNS serves *.internal (metadata.google.internal, "
                        + "<vm>.c.<project>.internal); zone " + domain + " would send those names to istiocoredns");
            }
            if (id.startsWith("aws://") && (shadows(domain, "ec2.internal") || shadows(domain, "compute.internal"))) {
                return Optional.of("nodes run on AWS, whose DNS serves ec2.internal and <region>.compute.internal; zone "
                        + domain + " would send those names to istiocoredns");
            }
            if (id.startsWith("azure://") && shadows(domain, "internal.cloudapp.net")) {
                return Optional.of("nodes run on Azure, whose DNS serves internal.cloudapp.net; zone " + domain
                        + " would send those names to istiocoredns");
            }
        }
        return Optional.empty();
    }

    /** True when the provider zone lies inside (or is) the zone svcalias would forward. */
    private static boolean shadows(String domain, String providerZone) {
        return providerZone.equals(domain) || providerZone.endsWith("." + domain);
    }
}
