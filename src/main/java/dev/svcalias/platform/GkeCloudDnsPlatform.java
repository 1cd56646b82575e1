package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.ObjectFacts;
import dev.svcalias.error.SvcaliasException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GKE with Cloud DNS for GKE: pods ask the node's metadata server, so there is no in-cluster DNS server whose
 * configuration svcalias could edit. Told apart by GCE nodes without a running kube-dns or CoreDNS.
 */
final class GkeCloudDnsPlatform implements Platform {
    @Override
    public PlatformId id() {
        return PlatformId.GKE_CLOUD_DNS;
    }

    @Override
    public List<Evidence> evidence(ClusterFacts facts, DnsLayout layout) {
        Optional<Evidence> gce = facts.nodeWithProvider("gce://");
        boolean corefile = CorefileFacts.text(facts, layout.corefile()).isPresent();
        Optional<ObjectFacts> kubeDns = facts.deployment(WellKnown.KUBE_SYSTEM, WellKnown.KUBE_DNS);
        boolean kubeDnsRuns = kubeDns.isPresent() && !"0".equals(kubeDns.get().data().get("replicas"));
        if (gce.isEmpty() || corefile || kubeDnsRuns) {
            return List.of();
        }
        List<Evidence> found = new ArrayList<>(List.of(gce.get()));
        found.add(new Evidence("deployment kube-system/kube-dns", kubeDns.isEmpty() ? "absent" : "scaled to 0"));
        found.add(new Evidence(layout.corefile().toString(), "absent (no CoreDNS)"));
        return found;
    }

    @Override
    public Optional<ConfigMapRef> corefile(ClusterFacts facts, DnsLayout layout) {
        return Optional.empty();
    }

    @Override
    public ZoneTarget target(ClusterFacts facts, DnsLayout layout) {
        throw SvcaliasException.state("this GKE cluster uses Cloud DNS for GKE: pods resolve through the node's "
                + "metadata server and there is no in-cluster DNS configuration svcalias can edit",
                "either switch the cluster to kube-dns (gcloud container clusters update CLUSTER "
                + "--cluster-dns=default), or create a Cloud DNS private zone for your alias domain by hand "
                + "with A records for each alias's ClusterIP");
    }
}
