package dev.svcalias.app.mode;

import dev.svcalias.app.usecase.InitRequest;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.app.zone.KubeDnsSide;
import dev.svcalias.cluster.Cluster;
import java.util.List;

/** What init knows when it asks a mode for its writes. Modes add warnings to {@code warnings}. */
public record ZoneSetup(Cluster cluster, DnsChain chain, String domain, InitRequest request, SetupFacts facts,
                 KubeDnsSide kubeDns, List<String> warnings) {}
