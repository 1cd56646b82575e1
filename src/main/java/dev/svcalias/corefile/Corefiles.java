package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Corefile engine's entry points: text in, text out. Every edit parses first (unparsable input is never
 * edited), touches only svcalias's own region, and is idempotent, re-pointable and reversible byte for byte.
 * Domains are assumed valid and lower-case (checked by the caller).
 */
public final class Corefiles {
    private Corefiles() {}

    /**
     * Parses a Corefile, keeping every byte.
     *
     * @throws CorefileSyntaxException "line L, column C: what is wrong"
     */
    public static Corefile parse(String text) {
        return Parser.parse(text);
    }

    /**
     * What every Corefile svcalias reads must pass: everything {@link #parse} refuses (syntax, and two blocks for one
     * zone and port, as CoreDNS does), and damaged svcalias markers.
     */
    public static Corefile check(String text) {
        Corefile corefile = parse(text);
        Region.find(corefile);
        return corefile;
    }

    /**
     * What {@code svcalias corefile check} refuses: everything {@link #check} refuses, plus plugin errors every
     * CoreDNS release refuses at start-up (an unknown plugin, a once-per-block plugin used twice); see LoadCheck.
     */
    public static Corefile checkLoadable(String text) {
        return checkLoadable(text, null);
    }

    /**
     * {@link #checkLoadable(String)} for one CoreDNS release ({@code version} null: any): also a plugin or a
     * property that release lacks, and what it allows only once per block.
     */
    public static Corefile checkLoadable(String text, CoreDnsVersion version) {
        Corefile corefile = check(text);
        LoadCheck.check(corefile, version);
        return corefile;
    }

    /**
     * The kube-dns edit for a CoreDNS of unknown version (assumed 1.1.3 or later, as in every kubeadm release
     * since CoreDNS became the default): see {@link #stubDomainEdit}.
     */
    public static String addStubDomain(String text, String domain, String forwardTo) {
        return stubDomainEdit(text, domain, forwardTo, null).text();
    }

    /**
     * The kube-dns edit: a server block for {@code domain} on the root block's port(s) that answers AAAA itself
     * (NOERROR, no records) and forwards the rest to {@code forwardTo} (istiocoredns's ClusterIP). With a
     * version, the result is checked against it and parts that version cannot take are left out and noted.
     */
    public static CorefileEdit stubDomainEdit(String text, String domain, String forwardTo, CoreDnsVersion version) {
        Corefile corefile = editable(text);
        List<Integer> ports = Queries.rootPorts(corefile);
        List<String> notes = new ArrayList<>();
        String region = RegionWriter.forFile(corefile, domain).stubDomain(domain, ports, forwardTo, version, notes);
        String result = RegionEditor.put(corefile, domain, ManagedZone.Kind.STUB_DOMAIN, ports, region);
        if (version != null) {
            checkPluginsAvailable(result, version);
        }
        return new CorefileEdit(result, notes);
    }

    /** The istiocoredns edit: a server block for {@code domain} routed to the Istio plugin on 127.0.0.1:8053. */
    public static String addIstioRoute(String text, String domain, CoreDnsVersion version) {
        return istioRouteEdit(text, domain, version, false).text();
    }

    /**
     * The istiocoredns edit; with {@code answerAaaa} the block also answers AAAA (NOERROR, no records) itself,
     * for clusters whose DNS in front can only forward the zone here (notes say when the version cannot).
     */
    public static CorefileEdit istioRouteEdit(String text, String domain, CoreDnsVersion version,
                                              boolean answerAaaa) {
        Corefile corefile = editable(text);
        List<Integer> ports = Queries.rootPorts(corefile);
        List<String> notes = new ArrayList<>();
        String region = RegionWriter.forFile(corefile, domain).istioRoute(domain, ports, version, answerAaaa,
                notes);
        String result = RegionEditor.put(corefile, domain, ManagedZone.Kind.ISTIO_ROUTE, ports, region);
        checkPluginsAvailable(result, version);
        return new CorefileEdit(result, notes);
    }

    /**
     * The kube-dns edit of the coredns and istio modes: kube-dns answers {@code domain} itself from the
     * ExternalName Services in {@code aliasNamespace} (see RegionWriter#aliasZone). Any svcalias block the zone
     * had before (another mode's) is replaced, so a migration is one edit and reset still removes one region.
     * The block forwards to 127.0.0.1 (or the address the root block binds) on the root block's first port:
     * kube-dns's own root block.
     */
    public static String putAliasZone(String text, String domain, ManagedZone.Kind kind, String aliasNamespace,
                                      String serviceSuffix, String clusterDomain) {
        if (!kind.aliasZone()) {
            throw new IllegalArgumentException(kind + " is not an alias-zone kind");
        }
        Corefile corefile = editable(text);
        if (Region.find(corefile).stream().anyMatch(r -> r.domain().equals(domain) && r.kind() != kind)) {
            corefile = parse(RegionEditor.remove(corefile, domain));
        }
        List<Integer> ports = Queries.rootPorts(corefile);
        String self = RootBind.of(corefile).self(ports.get(0));
        String region = RegionWriter.forFile(corefile, domain).aliasZone(domain, kind, ports, aliasNamespace,
                serviceSuffix, clusterDomain, self);
        return RegionEditor.put(corefile, domain, kind, ports, region);
    }

    /** Removes svcalias's block for {@code domain}; returns the input itself when there is none. */
    public static String removeZone(String text, String domain) {
        return RegionEditor.remove(parse(text), domain);
    }

    public static List<ManagedZone> managedZones(String text) {
        return Queries.managedZones(parse(text));
    }

    public static Optional<ManagedZone> managedZone(String text, String domain) {
        return managedZones(text).stream().filter(z -> z.domain().equals(domain)).findFirst();
    }

    /** The first zone of the kubernetes plugin, root block first, without the trailing dot: "cluster.local". */
    public static Optional<String> clusterDomain(String text) {
        return Queries.clusterDomain(parse(text));
    }

    /** Every zone a kubernetes plugin serves, the cluster domain first, without trailing dots. */
    public static List<String> kubernetesZones(String text) {
        return Queries.kubernetesZones(parse(text));
    }

    /** Whether CoreDNS reloads the Corefile by itself (a reload line in any server block). */
    public static boolean hasReload(String text) {
        return Queries.hasReload(parse(text));
    }

    /** The ports the root ('.') server block(s) listen on, in file order; an exception when there is no root block. */
    public static List<Integer> rootPorts(String text) {
        return Queries.rootPorts(parse(text));
    }

    /** Whether some block, managed or not, answers for {@code domain} (a block for the zone, or a route naming it). */
    public static boolean routesDomain(String text, String domain) {
        return Queries.routesDomain(parse(text), domain);
    }

    /**
     * Routing for {@code domain} that svcalias's block would silently take over or leave in place, outside
     * svcalias's own regions: a forward/grpc/proxy naming the zone inside another block, a block for a parent zone
     * (its queries for the zone now go to svcalias's block) or for a child zone (those names keep going there).
     * One sentence per finding, each starting with "line N".
     */
    public static List<String> overlaps(String text, String domain) {
        return Overlaps.find(parse(text), domain);
    }

    /**
     * Checks that a CoreDNS release has every plugin and option the Corefile uses.
     *
     * @throws UnsupportedPluginException naming line, plugin and version when the version lacks something used
     */
    public static void checkPluginsAvailable(String text, CoreDnsVersion version) {
        PluginCheck.check(parse(text), version);
    }

    /**
     * The shapes CoreDNS loads although they are probably not what the author meant (see {@link ServerBlock#leniency}),
     * one sentence each starting with "line N"; {@code corefile check} prints them as warnings, and no edit
     * touches such a file.
     */
    public static List<String> leniencies(Corefile corefile) {
        return corefile.serverBlocks().stream().flatMap(b -> b.leniency().stream()).toList();
    }

    /**
     * A brace-less single block would swallow an appended block as its own plugin lines; a block left open at the
     * end would too; a brace-less block a '}' ends could be edited, but its author probably meant other braces.
     */
    private static Corefile editable(String text) {
        Corefile corefile = parse(text);
        for (ServerBlock b : corefile.serverBlocks()) {
            if (b.leniency().isPresent()) {
                String lenient = b.leniency().get();
                int fix = lenient.lastIndexOf("; ");
                throw new CorefileException(lenient.substring(0, fix) + " (CoreDNS loads this, but svcalias does not "
                        + "edit a Corefile whose braces may not say what was meant)" + lenient.substring(fix)
                        + " before svcalias edits this Corefile");
            }
            if (!b.braced()) {
                throw new CorefileException("line " + b.line() + ": the server block '" + b.keyText() + "' has no "
                        + "braces, so a block added after it would be read as part of it; put '{' after its keys "
                        + "and '}' at the end before svcalias edits this Corefile");
            }
        }
        return corefile;
    }
}
