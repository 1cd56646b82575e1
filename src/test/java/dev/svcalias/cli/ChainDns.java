package dev.svcalias.cli;

import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.testing.FakeDnsServer.Question;
import dev.svcalias.testing.FakeDnsServer.Reply;
import dev.svcalias.testing.RecipeCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for kube-dns -> istiocoredns -> Istio plugin on top of the mock API server: A answers come from
 * ServiceEntry addresses (like istio-coredns-plugin) but only while both Corefiles route the zone to the right
 * place; AAAA gets NOERROR/no records only where kube-dns's svcalias block answers it, NXDOMAIN otherwise (what
 * the plugin itself answers). The real chain is exercised by the *RealIT tests.
 */
final class ChainDns {
    private final RecipeCluster cluster;

    ChainDns(RecipeCluster cluster) {
        this.cluster = cluster;
    }

    Reply answer(Question q) {
        String name = q.name();
        String zone = name.substring(name.indexOf('.') + 1);
        Optional<ManagedZone> stub = Corefiles.managedZone(cluster.corefile("kube-system"), zone);
        Optional<ManagedZone> route = Corefiles.managedZone(cluster.corefile("istio-system"), zone);
        if (stub.isEmpty() || route.isEmpty() || !stub.get().upstream().equals(RecipeCluster.ISTIOCOREDNS_IP)) {
            return Reply.nxdomain();
        }
        if (q.type().equals("AAAA")) {
            return Reply.of();
        }
        for (GenericKubernetesResource se : serviceEntries()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) se.getAdditionalProperties().get("spec");
            @SuppressWarnings("unchecked")
            List<String> hosts = (List<String>) spec.get("hosts");
            @SuppressWarnings("unchecked")
            List<String> addresses = (List<String>) spec.getOrDefault("addresses", List.of());
            if (hosts.contains(name) && !addresses.isEmpty()) {
                return Reply.of(addresses.toArray(String[]::new));
            }
        }
        return Reply.nxdomain();
    }

    private List<GenericKubernetesResource> serviceEntries() {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inAnyNamespace().list().getItems();
    }
}
