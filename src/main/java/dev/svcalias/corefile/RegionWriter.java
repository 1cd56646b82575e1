package dev.svcalias.corefile;

import java.util.List;

/**
 * Renders svcalias's server blocks. Indentation follows the root block's first plugin line (tabs or N spaces);
 * line breaks follow the file (CRLF files get CRLF).
 */
final class RegionWriter {
    static final String PLUGIN_ADDRESS = "127.0.0.1:8053";
    private final String indent;
    private final String nl;

    private RegionWriter(String indent, String nl) {
        this.indent = indent;
        this.nl = nl;
    }

    static RegionWriter forFile(Corefile corefile) {
        String text = corefile.text();
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String indent = "    ";
        for (ServerBlock root : corefile.rootBlocks()) {
            if (!root.directives().isEmpty()) {
                Token first = root.directives().get(0).name();
                int lineStart = text.lastIndexOf('\n', first.start()) + 1;
                String lead = text.substring(lineStart, first.start());
                if (lead.contains("\t")) {
                    indent = "\t";
                } else if (!lead.isEmpty() && lead.isBlank()) {
                    indent = lead;
                }
                break;
            }
        }
        return new RegionWriter(indent, nl);
    }

    /** kube-dns: forward the zone to istiocoredns, answer AAAA itself (NOERROR, no records) for musl clients. */
    String stubDomain(String domain, List<Integer> ports, String forwardTo) {
        return begin(domain, ManagedZone.Kind.STUB_DOMAIN) + keys(domain, ports) + " {" + nl
                + line(1, "errors") + line(1, "cache 30")
                + line(1, "template IN AAAA " + domain + " {") + line(2, "rcode NOERROR") + line(1, "}")
                + line(1, "forward . " + forwardTo) + "}" + nl + end(domain);
    }

    /** istiocoredns: send the zone to the Istio plugin, with grpc from CoreDNS 1.5.0 and proxy before. */
    String istioRoute(String domain, List<Integer> ports, CoreDnsVersion version) {
        String route = version.atLeast(PluginCatalog.GRPC_SINCE)
                ? line(1, "grpc " + domain + " " + PLUGIN_ADDRESS)
                : line(1, "proxy " + domain + " " + PLUGIN_ADDRESS + " {") + line(2, "protocol grpc insecure")
                        + line(1, "}");
        return begin(domain, ManagedZone.Kind.ISTIO_ROUTE) + keys(domain, ports) + " {" + nl
                + line(1, "errors") + line(1, "cache 30") + route + "}" + nl + end(domain);
    }

    private String begin(String domain, ManagedZone.Kind kind) {
        return Region.BEGIN + " zone=" + domain + " kind=" + kind.marker
                + " - managed by svcalias; edits between these markers are overwritten" + nl;
    }

    private static String end(String domain) {
        return Region.END + " zone=" + domain;
    }

    private static String keys(String domain, List<Integer> ports) {
        return String.join(" ", ports.stream().map(p -> domain + ":" + p).toList());
    }

    private String line(int depth, String content) {
        return indent.repeat(depth) + content + nl;
    }
}
