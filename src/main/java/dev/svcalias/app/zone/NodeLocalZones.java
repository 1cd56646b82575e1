package dev.svcalias.app.zone;

import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.PlatformEdits;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * NodeLocal DNSCache in front of CoreDNS: node-local-dns sends only the cluster domain to kube-dns, so svcalias
 * adds its zone to node-local-dns's Corefile too, forwarding to kube-dns. (kube-dns with stubDomains needs no
 * edit: node-cache reads kube-dns's stubDomains itself.)
 */
public final class NodeLocalZones {
    private NodeLocalZones() {}

    static boolean needed(KubeDnsSide side) {
        return !side.forwardsOnly();
    }

    static Change put(CorefileSnapshot nodeLocal, String domain, String forwardTo) {
        UnaryOperator<String> edit = text -> PlatformEdits.addNodeLocalZone(text, domain, forwardTo);
        try {
            return new CorefileChange(nodeLocal, edit.apply(nodeLocal.corefile()), edit, "zone " + domain + " -> "
                    + forwardTo + " (node-local-dns to kube-dns)", false);
        } catch (CorefileException e) {
            throw SvcaliasException.state(nodeLocal.ref() + ": " + e.getMessage(), "fix node-local-dns's Corefile "
                    + "by hand, then run svcalias init again");
        }
    }

    /**
     * verify's explanation when node-local-dns is the broken link: it runs, but its Corefile does not send the
     * zone to kube-dns, so pods' queries for aliases go upstream and come back NXDOMAIN.
     */
    public static Optional<String> problem(PlatformSetup platform, String domain) {
        return platform.nodeLocal().filter(nl -> !routes(nl, domain)).map(nl -> "NodeLocal DNSCache runs and "
                + nl.ref() + " does not forward zone " + domain + " to kube-dns, so pods' queries for aliases go "
                + "upstream and get NXDOMAIN although kube-dns answers them: run 'svcalias init --domain " + domain
                + "' (it adds the zone to node-local-dns too)");
    }

    private static boolean routes(CorefileSnapshot nodeLocal, String domain) {
        try {
            return dev.svcalias.corefile.Corefiles.routesDomain(nodeLocal.corefile(), domain);
        } catch (CorefileException e) {
            return false;
        }
    }

    static Optional<Change> remove(CorefileSnapshot nodeLocal, String domain, List<String> notes) {
        return CorefileReset.change(DnsChain.checked(nodeLocal), domain, false, notes);
    }
}
