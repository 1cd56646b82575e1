package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Corefile edits and queries the platforms need beyond the kube-dns Corefile itself: the server block alone
 * (for a {@code coredns-custom} {@code *.server} key that a managed Corefile imports), the top-level imports of a
 * managed Corefile, and the zone block NodeLocal DNSCache needs. Same rules as {@link Corefiles}: parse first,
 * touch only svcalias's region, idempotent and reversible byte for byte.
 */
public final class PlatformEdits {
    private PlatformEdits() {}

    /** The patterns of the top-level {@code import} lines, in file order ("custom/*.server"). */
    public static List<String> topLevelImports(String text) {
        List<Token> tokens = Corefiles.parse(text).imports();
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i += 2) {
            patterns.add(tokens.get(i + 1).text());
        }
        return patterns;
    }

    /** svcalias's region for {@code domain} (begin marker to end marker), if the text has one. */
    public static Optional<String> region(String text, String domain) {
        Corefile corefile = Corefiles.parse(text);
        return Region.find(corefile).stream().filter(r -> r.domain().equals(domain)).findFirst()
                .map(r -> corefile.text().substring(r.start(), r.end()));
    }

    /**
     * The content of an imported {@code *.server} file holding svcalias's block for {@code domain}: the region
     * {@code edit} puts into the importing Corefile (so it listens on its root ports and follows its indentation),
     * cut out on its own with a final line break. The edit also checks the block does not collide with the
     * importing Corefile's zones.
     */
    public static String importedServerFile(String importingCorefile, String domain,
                                            java.util.function.UnaryOperator<String> edit) {
        String region = region(edit.apply(importingCorefile), domain).orElseThrow(() -> new IllegalStateException(
                "the edit for " + domain + " wrote no svcalias region"));
        String nl = region.contains("\r\n") ? "\r\n" : "\n";
        String file = region + nl;
        if (region(file, domain).isEmpty()) {
            throw new IllegalStateException("svcalias wrote a block for " + domain + " it cannot read back");
        }
        return file;
    }

    /**
     * NodeLocal DNSCache: a block for {@code domain} on node-local-dns's root port(s), bound where the root block
     * binds (its {@code bind} line, placeholders such as {@code __PILLAR__LOCAL__DNS__} kept as written), that
     * forwards over TCP to {@code forwardTo} (kube-dns's ClusterIP, or {@code __PILLAR__CLUSTER__DNS__}, which
     * node-cache fills with kube-dns's upstream Service IP) as node-local-dns's own cluster-domain block does.
     */
    public static String addNodeLocalZone(String text, String domain, String forwardTo) {
        Corefile corefile = Corefiles.parse(text);
        List<Integer> ports = Queries.rootPorts(corefile);
        Optional<String> bind = rootBind(corefile);
        String region = NodeLocalBlock.render(corefile, domain, ports, bind, forwardTo);
        return RegionEditor.put(corefile, domain, ManagedZone.Kind.STUB_DOMAIN, ports, region);
    }

    /** The arguments of the root block's {@code bind} line, as written. */
    static Optional<String> rootBind(Corefile corefile) {
        for (ServerBlock root : corefile.rootBlocks()) {
            for (Directive d : root.directives()) {
                if (d.pluginName().equals("bind") && !d.args().isEmpty()) {
                    return Optional.of(String.join(" ", d.argTexts()));
                }
            }
        }
        return Optional.empty();
    }
}
