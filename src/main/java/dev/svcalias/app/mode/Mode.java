package dev.svcalias.app.mode;

import dev.svcalias.app.alias.AliasBackend;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import java.util.List;

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

    static Mode of(ModeName name) {
        return switch (name) {
            case ISTIOCOREDNS -> new IstiocorednsMode();
            case COREDNS -> new CorednsMode(ModeName.COREDNS);
            case ISTIO -> new IstioMode();
        };
    }
}
