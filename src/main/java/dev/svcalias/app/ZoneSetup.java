package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import java.util.List;

/** What init knows when it asks a mode for its writes. Modes add warnings to {@code warnings}. */
record ZoneSetup(Cluster cluster, DnsChain chain, String domain, InitRequest request, SetupFacts facts,
                 KubeDnsSide kubeDns, List<String> warnings) {}
