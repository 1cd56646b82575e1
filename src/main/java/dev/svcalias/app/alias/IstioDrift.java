package dev.svcalias.app.alias;

import java.util.Map;
import java.util.Set;

/**
 * istio mode's aliases are three objects; an alias whose Service istio mode wrote but whose ServiceEntry is gone
 * (deleted by hand, or an interrupted run) drifted: meshed pods with DNS capture cannot resolve it. A missing or
 * misdirected VirtualService is istio mode's own check ({@link VirtualServiceAliases#problems}, verify and status).
 */
final class IstioDrift {
    private IstioDrift() {}

    static void check(Set<String> meshHosts, Set<String> entryHosts, Map<String, AliasView> byHost) {
        for (String host : meshHosts) {
            AliasView view = byHost.get(host);
            if (!entryHosts.contains(host)) {
                view = view.withDrift("its ServiceEntry is missing (meshed pods with DNS capture cannot resolve it)");
            }
            byHost.put(host, view);
        }
    }
}
