package dev.svcalias.app.mode;

import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.app.zone.KubeDnsSide;
import dev.svcalias.cluster.Cluster;
import java.util.List;

/**
 * What init knows when it asks a mode for its writes: {@code corednsVersion} is --coredns-version (null: detect).
 * Modes add warnings to {@code warnings}.
 */
public record ZoneSetup(Cluster cluster, DnsChain chain, String domain, ClusterLayout layout, String corednsVersion,
                        SetupFacts facts, KubeDnsSide kubeDns, List<String> warnings) {}
