package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders svcalias's server blocks, markers included. Indentation follows the root block's first plugin line
 * (a tab, or its run of spaces; 4 spaces when there is nothing to follow); CRLF files get CRLF.
 */
final class RegionWriter {
    static final String PLUGIN_ADDRESS = "127.0.0.1:8053";
    /** template answers "rcode NOERROR" without records only from 1.5.1; with an authority record from 1.1.3. */
    static final CoreDnsVersion AUTHORITY_ONLY_TEMPLATE_SINCE = CoreDnsVersion.parse("1.1.3");
    /**
     * CoreDNS 1.1.2 (Istio 1.1-1.3's istiocoredns) refuses a template with rcode NOERROR unless it has an answer
     * or an additional record (plugin/template/setup.go: "no answer section for template found" checks only
     * those two), so it gets the SOA in the additional section too. Older releases are not checked: a note.
     */
    static final CoreDnsVersion ADDITIONAL_TEMPLATE_SINCE = CoreDnsVersion.parse("1.1.2");
    private static final String INDENT = "    ";

    private final String indent;
    private final String nl;
    private final List<String> bindLines;

    private RegionWriter(String indent, String nl, List<String> bindLines) {
        this.indent = indent;
        this.nl = nl;
        this.bindLines = bindLines;
    }

    /**
     * Line breaks are decided on the text without the zone's own region, as when it was first added, so that
     * re-adding renders the same bytes even where the first addition turned a final lone CR into CRLF.
     */
    static RegionWriter forFile(Corefile corefile, String domain) {
        String text = corefile.text();
        String nl = RegionEditor.remove(corefile, domain).contains("\r\n") ? "\r\n" : "\n";
        String indent = INDENT;
        for (ServerBlock root : corefile.rootBlocks()) {
            if (!root.directives().isEmpty()) {
                Token first = root.directives().get(0).name();
                int lineStart = text.lastIndexOf('\n', first.start() - 1) + 1;
                String lead = text.substring(lineStart, first.start());
                if (lead.startsWith("\t")) {
                    indent = "\t";
                } else if (!lead.isEmpty() && lead.chars().allMatch(c -> c == ' ')) {
                    indent = lead;
                }
                break;
            }
        }
        return new RegionWriter(indent, nl, RootBind.of(corefile).lines());
    }

    /**
     * kube-dns: forward the zone to istiocoredns and answer AAAA here with NOERROR and no records, because the
     * Istio plugin answers AAAA with NXDOMAIN and musl clients then fail the whole lookup. The SOA in the
     * authority section makes the answer a proper NODATA (cacheable for 30 s) and is what lets template accept
     * a record-less answer before CoreDNS 1.5.1 ("no answer section for template found"). {@code notes} gets a
     * sentence when the version is too old for that (version null = unknown, assumed 1.1.3 or later).
     */
    String stubDomain(String domain, List<Integer> ports, String forwardTo, CoreDnsVersion version,
                      List<String> notes) {
        List<String> body = new ArrayList<>(List.of(line(1, "errors"), line(1, "cache 30")));
        aaaaNoData(body, domain, version, "AAAA queries go to " + forwardTo, notes);
        body.add(line(1, "forward . " + forwardTo));
        return block(domain, ManagedZone.Kind.STUB_DOMAIN, ports, body);
    }

    /**
     * The template answering AAAA for the zone with NOERROR and no records (plus the SOA that makes it a
     * cacheable NODATA), or a note in {@code notes} when {@code version} (null = unknown, assumed new enough) is
     * older than {@link #ADDITIONAL_TEMPLATE_SINCE}; {@code otherwise} says where AAAA goes then.
     */
    private void aaaaNoData(List<String> body, String domain, CoreDnsVersion version, String otherwise,
                            List<String> notes) {
        String soa = "\"" + domain + ". 30 IN SOA ns.dns." + domain + ". hostmaster." + domain
                + ". 1 7200 1800 86400 30\"";
        boolean modern = version == null || version.compareTo(AUTHORITY_ONLY_TEMPLATE_SINCE) >= 0;
        if (modern || version.compareTo(ADDITIONAL_TEMPLATE_SINCE) >= 0) {
            body.add(line(1, "template IN AAAA " + domain + " {"));
            body.add(line(2, "rcode NOERROR"));
            if (!modern) {
                body.add(line(2, "additional " + soa));
            }
            body.add(line(2, "authority " + soa));
            body.add(line(1, "}"));
        } else {
            notes.add("no AAAA answer for " + domain + ": the template plugin of CoreDNS " + version + " cannot "
                    + "answer without records (needs " + ADDITIONAL_TEMPLATE_SINCE + "), so " + otherwise
                    + " and musl (Alpine) clients may fail");
        }
    }

    /**
     * istiocoredns: send the zone to the Istio plugin, with grpc from CoreDNS 1.5.0 and proxy before. With
     * {@code answerAaaa} (the cluster DNS in front can only forward the zone: kube-dns's stubDomains, OpenShift's
     * servers[]), AAAA is answered here with NOERROR and no records, as kube-dns's own block does elsewhere.
     */
    String istioRoute(String domain, List<Integer> ports, CoreDnsVersion version, boolean answerAaaa,
                      List<String> notes) {
        List<String> body = new ArrayList<>(List.of(line(1, "errors"), line(1, "cache 30")));
        if (answerAaaa) {
            aaaaNoData(body, domain, version, "the Istio plugin answers AAAA with NXDOMAIN", notes);
        }
        if (version.compareTo(PluginHistory.GRPC_SINCE) >= 0) {
            body.add(line(1, "grpc " + domain + " " + PLUGIN_ADDRESS));
        } else {
            body.add(line(1, "proxy " + domain + " " + PLUGIN_ADDRESS + " {"));
            body.add(line(2, "protocol grpc insecure"));
            body.add(line(1, "}"));
        }
        return block(domain, ManagedZone.Kind.ISTIO_ROUTE, ports, body);
    }

    /**
     * kube-dns answers the zone itself: a one-label name NAME.ZONE is rewritten to NAME{@code serviceSuffix}.ALIASNS.svc.
     * CLUSTERDOMAIN, the ExternalName Service svcalias keeps for the alias (the suffix is the zone's own, so the same
     * NAME in two zones names two Services), and sent back to this CoreDNS, where the root block's
     * kubernetes plugin answers the CNAME and the target's current records; the answer's owner name is rewritten
     * back. Every other name of the zone is NXDOMAIN here (template): sent back to this CoreDNS unchanged it would
     * land in this block again, a loop. No per-alias line: adding an alias needs no Corefile write.
     */
    String aliasZone(String domain, ManagedZone.Kind kind, List<Integer> ports, String aliasNamespace,
                     String serviceSuffix, String clusterDomain, String self) {
        String label = "([a-z0-9]([-a-z0-9]*[a-z0-9])?)";
        String services = aliasNamespace + ".svc." + clusterDomain;
        List<String> body = new ArrayList<>(List.of(line(1, "errors"), line(1, "rewrite stop {")));
        body.add(line(2, "name regex ^" + label + "\\." + escape(domain) + "\\.$ {1}" + serviceSuffix + "." + services
                + "."));
        body.add(line(2, "answer name ^" + label + escape(serviceSuffix) + "\\." + escape(services) + "\\.$ {1}."
                + domain + "."));
        body.add(line(1, "}"));
        body.add(line(1, "template ANY ANY " + domain + " {"));
        body.add(line(2, "rcode NXDOMAIN"));
        body.add(line(2, "authority \"" + domain + ". 30 IN SOA ns.dns." + domain + ". hostmaster." + domain
                + ". 1 7200 1800 86400 30\""));
        body.add(line(1, "}"));
        body.add(line(1, "forward . " + self));
        return block(domain, kind, ports, body);
    }

    private static String escape(String name) {
        return name.replace(".", "\\.");
    }

    private String block(String domain, ManagedZone.Kind kind, List<Integer> ports, List<String> body) {
        String keys = String.join(" ", ports.stream().map(p -> domain + ":" + p).toList());
        // where the root block listens (RootBind): its bind lines as written, first
        String binds = String.join("", bindLines.stream().map(b -> line(1, b)).toList());
        return Region.BEGIN + " zone=" + domain + " kind=" + kind.marker
                + " - managed by svcalias, edits between these markers are overwritten" + nl
                + keys + " {" + nl + binds + String.join("", body) + "}" + nl
                + Region.END + " zone=" + domain;
    }

    private String line(int depth, String content) {
        return indent.repeat(depth) + content + nl;
    }
}
