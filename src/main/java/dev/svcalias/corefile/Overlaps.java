package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Existing routing that overlaps a zone svcalias is about to serve (see {@link Corefiles#overlaps}). */
final class Overlaps {
    private static final Set<String> ROUTING_PLUGINS = Set.of("forward", "grpc", "proxy");

    private Overlaps() {}

    static List<String> find(Corefile corefile, String domain) {
        String zone = ZoneKey.fqdn(domain);
        List<Region> regions = Region.find(corefile);
        List<String> found = new ArrayList<>();
        for (ServerBlock b : corefile.serverBlocks()) {
            if (regions.stream().anyMatch(r -> r.contains(b.start()))) {
                continue;
            }
            for (ZoneKey k : b.zoneKeys()) {
                if (!k.scheme().equals("dns") || k.placeholder() || k.zone().equals(".")) {
                    continue;
                }
                if (zone.endsWith("." + k.zone())) {
                    found.add("line " + b.line() + ": server block '" + b.keyText() + "' serves " + bare(k.zone())
                            + ", a parent zone of " + domain + "; queries for " + domain + " will go to svcalias's "
                            + "block instead");
                } else if (k.zone().endsWith("." + zone)) {
                    found.add("line " + b.line() + ": server block '" + b.keyText() + "' serves " + bare(k.zone())
                            + ", inside " + domain + "; those names keep going to that block, not to istiocoredns");
                }
            }
            for (Directive d : b.directives()) {
                if (ROUTING_PLUGINS.contains(d.pluginName()) && !d.args().isEmpty()
                        && ZoneKey.fqdn(d.args().get(0).text()).equals(zone)) {
                    found.add("line " + d.line() + ": '" + d.pluginName() + " " + String.join(" ", d.args().stream()
                            .map(Token::text).toList()) + "' in server block '" + b.keyText() + "' already routes "
                            + domain + "; svcalias's block for " + domain + " takes those queries over");
                }
            }
        }
        return found;
    }

    private static String bare(String fqdn) {
        return fqdn.substring(0, fqdn.length() - 1);
    }
}
