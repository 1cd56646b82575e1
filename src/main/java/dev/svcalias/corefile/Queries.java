package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Read-only questions the rest of svcalias asks about a parsed Corefile. */
final class Queries {
    private static final Set<String> ROUTING_PLUGINS = Set.of("forward", "grpc", "proxy");

    private Queries() {}

    private static final java.util.regex.Pattern SERVICE_SUFFIX = java.util.regex.Pattern.compile(
            "\\$ \\{1}(-[a-z0-9]+)?\\.");

    static List<ManagedZone> managedZones(Corefile corefile) {
        List<ManagedZone> zones = new ArrayList<>();
        for (Region r : Region.find(corefile)) {
            String plugin = r.kind() == ManagedZone.Kind.ISTIO_ROUTE ? "grpc|proxy" : "forward";
            String upstream = r.block().directives().stream()
                    .filter(d -> d.pluginName().matches(plugin) && d.args().size() >= 2)
                    .map(d -> d.args().get(1).text()).findFirst()
                    .orElseThrow(() -> new CorefileException("line " + r.line() + ": the svcalias block for zone "
                            + r.domain() + " has no " + plugin.replace("|", " or ") + " line; run svcalias again "
                            + "to rewrite it, or remove the svcalias lines for that zone by hand"));
            zones.add(new ManagedZone(r.domain(), r.kind(), upstream, r.line(), serviceSuffix(corefile, r)));
        }
        return List.copyOf(zones);
    }

    /** The "-SUFFIX" of the rewrite "{1}-SUFFIX.NAMESPACE.svc..." in an alias-zone block; "" when there is none. */
    private static String serviceSuffix(Corefile corefile, Region r) {
        if (!r.kind().aliasZone()) {
            return "";
        }
        java.util.regex.Matcher m = SERVICE_SUFFIX.matcher(corefile.text().substring(r.start(), r.end()));
        return m.find() && m.group(1) != null ? m.group(1) : "";
    }

    /** The first zone of the kubernetes plugin, root block first, snippets expanded: "cluster.local". */
    static Optional<String> clusterDomain(Corefile corefile) {
        List<ServerBlock> ordered = new ArrayList<>(corefile.rootBlocks());
        corefile.serverBlocks().stream().filter(b -> !b.isRoot()).forEach(ordered::add);
        for (ServerBlock b : ordered) {
            for (Directive d : PluginCheck.expanded(corefile, b)) {
                if (!d.pluginName().equals("kubernetes")) {
                    continue;
                }
                // without zones the plugin serves the block's keys; for the root block that says nothing
                Optional<String> zone = d.args().isEmpty()
                        ? b.zoneKeys().stream().map(ZoneKey::zone).filter(z -> !z.equals(".")).findFirst()
                        : Optional.of(ZoneKey.fqdn(d.args().get(0).text()));
                return zone.map(z -> z.substring(0, z.length() - 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Every zone a kubernetes plugin serves (its arguments, else its block's keys but the root), lower case without
     * the trailing dot, the cluster domain ({@link #clusterDomain}) first. A block svcalias added for any of them
     * would hide that zone's Service names.
     */
    static List<String> kubernetesZones(Corefile corefile) {
        Set<String> zones = new LinkedHashSet<>();
        clusterDomain(corefile).ifPresent(zones::add);
        for (ServerBlock b : corefile.serverBlocks()) {
            for (Directive d : PluginCheck.expanded(corefile, b)) {
                if (d.pluginName().equals("kubernetes")) {
                    Stream<String> served = d.args().isEmpty()
                            ? b.zoneKeys().stream().map(ZoneKey::zone).filter(z -> !z.equals("."))
                            : d.argTexts().stream().map(ZoneKey::fqdn);
                    served.map(z -> z.substring(0, z.length() - 1)).forEach(zones::add);
                }
            }
        }
        return List.copyOf(zones);
    }

    /**
     * Whether CoreDNS picks up Corefile changes by itself. One reload line anywhere restarts the whole instance
     * (plugin/reload README), so any server block counts, the root block's included, snippets expanded.
     */
    static boolean hasReload(Corefile corefile) {
        return corefile.serverBlocks().stream()
                .anyMatch(b -> PluginCheck.expanded(corefile, b).stream().anyMatch(d -> d.pluginName().equals("reload")));
    }

    static List<Integer> rootPorts(Corefile corefile) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (ServerBlock b : corefile.rootBlocks()) {
            for (ZoneKey k : b.zoneKeys()) {
                if (k.isRoot() && k.port() < 0) {
                    throw new CorefileException("line " + b.line() + ": the root server block's port comes from an "
                            + "environment variable ('" + b.keyText() + "'); svcalias cannot tell where to listen, "
                            + "write the port out");
                }
                if (k.isRoot()) {
                    ports.add(k.port());
                }
            }
        }
        if (ports.isEmpty()) {
            throw new CorefileException("no root server block ('.' or '.:PORT'): svcalias adds its block on the "
                    + "root block's port(s); is this the Corefile CoreDNS serves the cluster with?");
        }
        return List.copyOf(ports);
    }

    /** Whether some block, svcalias's or not, answers for the domain: a block for the zone or a route naming it. */
    static boolean routesDomain(Corefile corefile, String domain) {
        String zone = ZoneKey.fqdn(domain);
        for (ServerBlock b : corefile.serverBlocks()) {
            if (b.zoneKeys().stream().anyMatch(k -> k.zone().equals(zone))) {
                return true;
            }
            for (Directive d : PluginCheck.expanded(corefile, b)) {
                if (ROUTING_PLUGINS.contains(d.pluginName()) && !d.args().isEmpty()
                        && ZoneKey.fqdn(d.args().get(0).text()).equals(zone)) {
                    return true;
                }
            }
        }
        return false;
    }
}
