package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Corefile engine's entry points: text in, text out. Every edit parses first (unparsable input is never
 * edited), touches only svcalias's own region, and is idempotent, re-pointable and reversible byte for byte.
 */
public final class Corefiles {
    private Corefiles() {}

    public static Corefile parse(String text) {
        return Parser.parse(text);
    }

    /** The kube-dns edit: a server block for {@code domain} forwarding to istiocoredns at {@code forwardTo}. */
    public static String addStubDomain(String text, String domain, String forwardTo) {
        Corefile corefile = parse(text);
        List<Integer> ports = rootPorts(corefile);
        String region = RegionWriter.forFile(corefile).stubDomain(domain, ports, forwardTo);
        return put(corefile, domain, ManagedZone.Kind.STUB_DOMAIN, ports, region);
    }

    /** The istiocoredns edit: a server block for {@code domain} routed to the Istio plugin on 127.0.0.1:8053. */
    public static String addIstioRoute(String text, String domain, CoreDnsVersion version) {
        Corefile corefile = parse(text);
        List<Integer> ports = rootPorts(corefile);
        String region = RegionWriter.forFile(corefile).istioRoute(domain, ports, version);
        String result = put(corefile, domain, ManagedZone.Kind.ISTIO_ROUTE, ports, region);
        checkPluginsAvailable(result, version);
        return result;
    }

    /** Removes svcalias's block for {@code domain}; the input unchanged when there is none. */
    public static String removeZone(String text, String domain) {
        parse(text);
        for (Region r : Region.find(text)) {
            if (r.domain().equals(domain)) {
                return cut(text, r);
            }
        }
        return text;
    }

    public static List<ManagedZone> managedZones(String text) {
        List<ManagedZone> zones = new ArrayList<>();
        for (Region r : Region.find(text)) {
            zones.add(new ManagedZone(r.domain(), r.kind(), upstream(r, text), r.line()));
        }
        return zones;
    }

    public static Optional<ManagedZone> managedZone(String text, String domain) {
        return managedZones(text).stream().filter(z -> z.domain().equals(domain)).findFirst();
    }

    /** The first zone of the kubernetes plugin, root block first: "cluster.local". */
    public static Optional<String> clusterDomain(String text) {
        Corefile corefile = parse(text);
        List<ServerBlock> ordered = new ArrayList<>(corefile.rootBlocks());
        ordered.addAll(corefile.serverBlocks());
        for (ServerBlock b : ordered) {
            for (Directive d : b.directives()) {
                if (d.pluginName().equals("kubernetes") && !d.args().isEmpty()) {
                    String zone = d.args().get(0).text();
                    return Optional.of(zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether CoreDNS picks up Corefile changes by itself (the reload plugin restarts the whole instance). */
    public static boolean hasReload(String text) {
        return parse(text).serverBlocks().stream().anyMatch(b -> b.has("reload"));
    }

    public static List<Integer> rootPorts(String text) {
        return rootPorts(parse(text));
    }

    /** Refuses a Corefile that uses a plugin (or option) {@code version} lacks, naming the line. */
    public static void checkPluginsAvailable(String text, CoreDnsVersion version) {
        for (ServerBlock b : parse(text).serverBlocks()) {
            for (Directive d : b.directives()) {
                Optional<String> problem = PluginCatalog.unavailable(d.pluginName(), version);
                if (problem.isEmpty() && d.pluginName().equals("kubernetes")
                        && version.atLeast(CoreDnsVersion.of("1.7.0"))
                        && d.nested().stream().anyMatch(t -> t.is("upstream"))) {
                    problem = Optional.of("the kubernetes plugin's 'upstream' option does not exist in CoreDNS "
                            + version + " (removed in 1.7.0)");
                }
                if (problem.isPresent()) {
                    throw new UnsupportedPluginException("line " + d.line() + ": " + problem.get());
                }
            }
        }
    }

    private static List<Integer> rootPorts(Corefile corefile) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (ServerBlock b : corefile.rootBlocks()) {
            b.zoneKeys().stream().filter(ZoneKey::isRoot).forEach(k -> ports.add(k.port()));
        }
        if (ports.isEmpty()) {
            throw new CorefileException("no root server block ('.' or '.:PORT') to take the port from; svcalias "
                    + "adds its block next to the root block");
        }
        return List.copyOf(ports);
    }

    /** Adds or replaces the region for {@code domain}; conflicts with blocks svcalias does not own are refused. */
    private static String put(Corefile corefile, String domain, ManagedZone.Kind kind, List<Integer> ports,
                              String region) {
        String text = corefile.text();
        List<Region> regions = Region.find(text);
        checkConflicts(corefile, regions, domain, ports);
        for (Region r : regions) {
            if (r.domain().equals(domain)) {
                if (r.kind() != kind) {
                    throw new ZoneConflictException("line " + r.line() + ": zone " + domain + " already has a "
                            + "svcalias " + r.kind().marker + " block in this Corefile; remove it first");
                }
                String replaced = text.substring(0, r.start()) + region + text.substring(r.end());
                checkOneBlock(replaced, domain);
                return replaced;
            }
        }
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String added = text.isEmpty() || text.endsWith("\n") ? text + region + nl : text + nl + region;
        checkOneBlock(added, domain);
        return added;
    }

    private static void checkConflicts(Corefile corefile, List<Region> regions, String domain, List<Integer> ports) {
        String zone = ZoneKey.fqdn(domain);
        for (ServerBlock b : corefile.serverBlocks()) {
            if (regions.stream().anyMatch(r -> r.contains(b.start()))) {
                continue;
            }
            for (ZoneKey k : b.zoneKeys()) {
                if (k.scheme().equals("dns") && k.zone().equals(zone) && ports.contains(k.port())) {
                    throw new ZoneConflictException("line " + b.line() + ": server block '" + b.keyText()
                            + "' already serves zone " + zone + " and is not managed by svcalias; remove it or "
                            + "pick another --domain");
                }
            }
        }
    }

    /** The edited text must parse and hold exactly one block inside the new region. */
    private static void checkOneBlock(String text, String domain) {
        Corefile edited = parse(text);
        Region r = Region.find(text).stream().filter(x -> x.domain().equals(domain)).findFirst().orElseThrow();
        long inside = edited.blocks().stream().filter(b -> r.contains(b.start())).count();
        if (inside != 1) {
            throw new CorefileException("line " + r.line() + ": the svcalias block for zone " + domain
                    + " does not hold exactly one server block; remove it by hand");
        }
    }

    private static String upstream(Region r, String text) {
        for (ServerBlock b : parse(text).serverBlocks()) {
            if (!r.contains(b.start())) {
                continue;
            }
            for (Directive d : b.directives()) {
                String name = d.pluginName();
                if ((name.equals("forward") || name.equals("grpc") || name.equals("proxy")) && d.args().size() >= 2) {
                    return d.args().get(1).text();
                }
            }
        }
        throw new CorefileException("line " + r.line() + ": the svcalias block for zone " + r.domain()
                + " has no forward, grpc or proxy line; remove it by hand and run svcalias again");
    }

    /** Removes a region and the line break that was added with it (after it, or before it at end of file). */
    private static String cut(String text, Region r) {
        int start = r.start();
        int end = r.end();
        if (text.startsWith("\r\n", end)) {
            end += 2;
        } else if (text.startsWith("\n", end)) {
            end += 1;
        } else if (start >= 2 && text.startsWith("\r\n", start - 2)) {
            start -= 2;
        } else if (start >= 1 && text.charAt(start - 1) == '\n') {
            start -= 1;
        }
        return text.substring(0, start) + text.substring(end);
    }
}
