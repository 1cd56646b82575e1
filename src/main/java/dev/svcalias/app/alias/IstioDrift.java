package dev.svcalias.app.alias;

import java.util.Map;
import java.util.Set;

/**
 * istio mode's aliases are three objects; an alias whose Service istio mode wrote but whose ServiceEntry is gone
 * (deleted by hand, or an interrupted run) drifted: meshed pods with DNS capture lose its HTTP virtual host, so its
 * requests skip the VirtualService. A missing or misdirected VirtualService is istio mode's own check
 * ({@link VirtualServiceAliases#problems}, verify and status).
 */
final class IstioDrift {
    private IstioDrift() {}

    /**
     * One view of an alias from its ExternalName Service ({@code service}, null when there is none) and its
     * ServiceEntry. An entry without an address (istio mode's {@link ServiceEntryShape#BY_NAME}) leaves the answer
     * to the Service, so the alias follows the target, as long as that Service exists; an entry with a fixed address
     * (istiocoredns mode, or istio mode's entries before ADR 0180 until their next write) is what may go stale. The
     * drift of both stays.
     */
    static AliasView combined(AliasView service, AliasView entry) {
        if (!entry.address().isEmpty()) {
            return service == null ? entry : entry.withDrift(service.drift());
        }
        if (service == null) {
            return entry.withDrift("its ExternalName Service is missing (kube-dns cannot answer it, and the mesh's "
                    + "DNS proxy asks kube-dns)");
        }
        // the answer is the Service's: its target's ClusterIP, or "None" for a headless one (any pod address is right)
        return new AliasView(entry.host(), entry.target(), service.address(), entry.namespace(), entry.entryName(),
                service.targetIp(), true, service.drift()).withDrift(entry.drift());
    }

    static void check(Set<String> meshHosts, Set<String> entryHosts, Map<String, AliasView> byHost) {
        for (String host : meshHosts) {
            AliasView view = byHost.get(host);
            if (!entryHosts.contains(host)) {
                view = view.withDrift("its ServiceEntry is missing (meshed requests to it skip its VirtualService)");
            }
            byHost.put(host, view);
        }
    }
}
