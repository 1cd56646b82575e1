package dev.svcalias.corefile;

import java.util.List;
import java.util.Optional;

/** Renders svcalias's zone block for node-local-dns, in the shape of node-local-dns's own cluster-domain block. */
final class NodeLocalBlock {
    private NodeLocalBlock() {}

    static String render(Corefile corefile, String domain, List<Integer> ports, Optional<String> bind,
                         String forwardTo) {
        String nl = RegionEditor.remove(corefile, domain).contains("\r\n") ? "\r\n" : "\n";
        String in = indent(corefile);
        StringBuilder body = new StringBuilder();
        body.append(in).append("errors").append(nl);
        body.append(in).append("cache 30").append(nl);
        bind.ifPresent(b -> body.append(in).append("bind ").append(b).append(nl));
        // force_tcp as in node-local-dns's own cluster.local block: kube-dns answers over TCP without truncation
        body.append(in).append("forward . ").append(forwardTo).append(" {").append(nl);
        body.append(in).append(in).append("force_tcp").append(nl);
        body.append(in).append('}').append(nl);
        String keys = String.join(" ", ports.stream().map(p -> domain + ":" + p).toList());
        return Region.BEGIN + " zone=" + domain + " kind=" + ManagedZone.Kind.STUB_DOMAIN.marker
                + " - managed by svcalias, edits between these markers are overwritten" + nl
                + keys + " {" + nl + body + "}" + nl + Region.END + " zone=" + domain;
    }

    private static String indent(Corefile corefile) {
        String text = corefile.text();
        for (ServerBlock root : corefile.rootBlocks()) {
            if (!root.directives().isEmpty()) {
                Token first = root.directives().get(0).name();
                int lineStart = text.lastIndexOf('\n', first.start() - 1) + 1;
                String lead = text.substring(lineStart, first.start());
                if (lead.equals("\t") || (!lead.isEmpty() && lead.chars().allMatch(c -> c == ' '))) {
                    return lead;
                }
            }
        }
        return "    ";
    }
}
