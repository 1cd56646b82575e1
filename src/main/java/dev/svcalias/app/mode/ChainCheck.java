package dev.svcalias.app.mode;

import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.app.zone.NodeLocalZones;
import dev.svcalias.corefile.ManagedZone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The static part of verify: do the two Corefiles still route the zone to where istiocoredns is now? */
final class ChainCheck {
    private ChainCheck() {}

    static List<String> problems(DnsChain chain, String domain) {
        List<String> problems = new ArrayList<>();
        Optional<ManagedZone> stub = chain.stubDomain(domain);
        Optional<String> istioIp = chain.istiocorednsIp();
        if (stub.isEmpty()) {
            problems.add(chain.kubeDnsSide().describe() + " has no svcalias block for zone " + domain
                    + ": run 'svcalias init --domain " + domain + "'");
        } else if (istioIp.isEmpty()) {
            problems.add("the istiocoredns Service in " + chain.layout().istioNamespace() + " is gone or has no "
                    + "ClusterIP, so kube-dns's forward to " + stub.get().upstream() + " leads nowhere: run 'svcalias init "
                    + "--domain " + domain + "' to move the zone and its aliases to a mode without istiocoredns");
        } else if (!stub.get().upstream().equals(istioIp.get())) {
            problems.add(chain.kubeDnsSide().describe() + " forwards " + domain + " to " + stub.get().upstream()
                    + " but istiocoredns's ClusterIP is now " + istioIp.get() + ": rerun 'svcalias init --domain "
                    + domain + "'");
        }
        NodeLocalZones.problem(chain.platform(), domain).ifPresent(problems::add);
        if (chain.istioRoute(domain).isEmpty()) {
            problems.add(chain.layout().istioCorefile() + " does not route " + domain + " to the Istio plugin: "
                    + "run 'svcalias init --domain " + domain + "'");
        }
        return problems;
    }
}
