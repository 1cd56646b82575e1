package dev.svcalias.app.mode;

import dev.svcalias.app.alias.AliasBackend;
import dev.svcalias.app.alias.AliasPlan;
import dev.svcalias.app.alias.ExternalNameAliases;
import dev.svcalias.app.alias.ServiceEntryAliases;
import dev.svcalias.app.alias.VirtualServiceAliases;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import java.util.List;
import java.util.Optional;

/**
 * One way of answering a zone (see {@link ModeName}). A use case asks the mode what the setup needs and gets
 * changes back; it never branches on the mode itself.
 */
public interface Mode {
    ModeName name();

    /** init's writes for the zone, in order (each write leaves a working state if a later one fails). */
    ModeSetup setUp(ZoneSetup zone);

    AliasBackend aliases(Cluster cluster);

    /** What a static look at the cluster finds wrong with the zone's chain (verify, status). */
    List<String> chainProblems(Cluster cluster, DnsChain chain, String domain);

    /** Why an alias gets NXDOMAIN in this mode, for verify's diagnosis. */
    String nxdomainHint();

    /**
     * What other modes wrote for {@code host} that this mode does not use: a migration into this mode removes it
     * after the switch (the new mode's own backend already replaces or keeps the rest).
     */
    List<Change> leftoversOf(Cluster cluster, String host);

    /**
     * The writes that remove {@code host}: what this mode wrote, else what another mode left behind (e.g. a
     * ServiceEntry after a migration), which is still svcalias's. Shared by alias remove and apply --prune.
     */
    default Optional<AliasPlan> removal(Cluster cluster, String host) {
        return aliases(cluster).remove(host).or(() -> new ServiceEntryAliases(cluster).remove(host))
                .or(() -> new ExternalNameAliases(cluster, true).remove(host))
                .or(() -> new VirtualServiceAliases(cluster).remove(host));
    }

    /** Whether kube-dns sends the zone on to istiocoredns in this mode; when not, a migration removes that route. */
    boolean routesThroughIstiocoredns();

    /**
     * verify --meshed asks the Istio DNS proxy, which answers only from what istio mode writes: refused (exit 2,
     * before any probe pod starts) in the other modes.
     */
    default void checkMeshedProbe(String domain) {
        throw SvcaliasException.usage("--meshed checks the Istio DNS proxy, but zone " + domain + " is in " + name()
                + " mode", "drop --meshed, or run 'svcalias init --mode istio --domain " + domain + "'");
    }

    static Mode of(ModeName name) {
        return switch (name) {
            case ISTIOCOREDNS -> new IstiocorednsMode();
            case COREDNS -> new CorednsMode(ModeName.COREDNS);
            case ISTIO -> new IstioMode();
        };
    }

    /**
     * The mode recorded for the zone (the kind of svcalias's kube-dns block). A zone without a block (a --domain
     * init never set up, or one only istiocoredns routes) keeps what svcalias always did there: ServiceEntries,
     * istiocoredns mode.
     */
    static Mode recordedIn(DnsChain chain, String domain) {
        return of(ModeName.recordedIn(chain, domain).orElse(ModeName.ISTIOCOREDNS));
    }
}
