package dev.svcalias.app.mode;

import dev.svcalias.app.alias.AliasBackend;
import dev.svcalias.app.alias.IstioAliases;
import dev.svcalias.app.alias.ServiceEntryAliases;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.error.SvcaliasException;
import java.util.List;

/**
 * Istio 1.9+ without istiocoredns: the coredns mode for every pod that asks kube-dns (meshed pods too: their DNS
 * proxy forwards the alias to kube-dns, ADR 0180), and per alias a ServiceEntry without an address and a
 * VirtualService that route it in the mesh to the target. svcalias never turns DNS
 * capture or ambient on; it warns when capture is off (meshed pods then ask kube-dns, which still answers).
 */
final class IstioMode extends CorednsMode {
    IstioMode() {
        super(ModeName.ISTIO);
    }

    @Override
    public ModeSetup setUp(ZoneSetup zone) {
        if (!ServiceEntryAliases.served(zone.cluster())) {
            throw SvcaliasException.state("istio mode writes ServiceEntries, but this cluster does not serve "
                    + "Istio's networking.istio.io API", "install Istio, or run 'svcalias init --mode coredns'");
        }
        if (!zone.cluster().virtualServices().served()) {
            throw SvcaliasException.state("istio mode routes each alias with a VirtualService, but this cluster does "
                    + "not serve Istio's VirtualService API", "install Istio's CRDs, or run 'svcalias init --mode "
                    + "coredns'");
        }
        SetupFacts facts = zone.facts();
        if (!facts.dnsCapture().orElse(false) && facts.ambient().isEmpty()) {
            zone.warnings().add("Istio's sidecar DNS capture is off (ISTIO_META_DNS_CAPTURE in " + facts.meshConfig()
                    + ") and there is no ambient ztunnel: meshed pods resolve aliases through kube-dns, which "
                    + "works; svcalias does not turn capture on");
        }
        return super.setUp(zone);
    }

    @Override
    public AliasBackend aliases(Cluster cluster) {
        return new IstioAliases(cluster);
    }

    @Override
    public void checkMeshedProbe(String domain) {
        // istio mode writes the ServiceEntry the proxy answers from
    }

    @Override
    public List<String> chainProblems(Cluster cluster, DnsChain chain, String domain) {
        List<String> problems = new java.util.ArrayList<>(super.chainProblems(cluster, chain, domain));
        if (!ServiceEntryAliases.served(cluster)) {
            problems.add("Istio's ServiceEntry API is no longer served: the aliases' ServiceEntries are gone, so "
                    + "meshed HTTP requests to them skip their VirtualServices; run 'svcalias init --mode coredns "
                    + "--domain " + domain + "'");
        }
        return problems;
    }
}
