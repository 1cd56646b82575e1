package dev.svcalias.corefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses a Corefile that would not load in a given CoreDNS version because of a plugin or option that version
 * lacks, or a plugin used more often in one block than that version allows. Snippets are checked where a server
 * block imports them, as CoreDNS does. Unknown (external) plugins are never refused.
 */
final class PluginCheck {
    static final CoreDnsVersion MULTI_FORWARD_SINCE = CoreDnsVersion.parse("1.9.4");
    private static final String OR_VERSION = ", or pass --coredns-version if the detected version is wrong";

    private final CoreDnsVersion version;

    private PluginCheck(CoreDnsVersion version) {
        this.version = version;
    }

    static void check(Corefile corefile, CoreDnsVersion version) {
        PluginCheck check = new PluginCheck(version);
        for (ServerBlock b : corefile.serverBlocks()) {
            Map<String, Directive> seen = new HashMap<>();
            for (Directive d : expanded(corefile, b)) {
                check.directive(d);
                check.once(d, seen.putIfAbsent(d.pluginName(), d));
            }
        }
    }

    /** The block's directives with each {@code import snippet} replaced by the snippet's directives. */
    static List<Directive> expanded(Corefile corefile, ServerBlock b) {
        return b.directives().stream().flatMap(d -> {
            if (d.pluginName().equals("import") && d.args().size() == 1) {
                Optional<ServerBlock> snippet = corefile.snippet(d.args().get(0).text(), d.name().start());
                if (snippet.isPresent()) {
                    return snippet.get().directives().stream();
                }
            }
            return Stream.of(d);
        }).toList();
    }

    private void directive(Directive d) {
        String plugin = d.pluginName();
        PluginHistory.of(plugin).filter(span -> !span.existsIn(version)).ifPresent(span -> {
            boolean tooOld = version.compareTo(span.since()) < 0;
            String hint = span.replacement() != null ? "replace it with " + span.replacement()
                    : tooOld ? "remove it or upgrade CoreDNS to " + span.since() + " or later" : "remove it";
            throw new UnsupportedPluginException("line " + d.line() + ": plugin '" + plugin + "' does not exist in "
                    + "CoreDNS " + version + " (" + (tooOld ? "added in " + span.since() : "removed in "
                    + span.removed()) + "); " + hint + " before svcalias edits this Corefile" + OR_VERSION);
        });
        for (OptionHistory.Rule rule : OptionHistory.of(plugin)) {
            if (!rule.existsIn(version) && d.hasOption(rule.option())) {
                int line = d.nested().stream().filter(t -> t.is(rule.option())).findFirst().orElseThrow().line();
                String when = rule.since() != null && version.compareTo(rule.since()) < 0
                        ? "added in " + rule.since() : "removed in " + rule.removed();
                throw new UnsupportedPluginException("line " + line + ": option '" + rule.option() + "' of plugin '"
                        + plugin + "' does not exist in CoreDNS " + version + " (" + when + "); remove that line "
                        + "before svcalias edits this Corefile" + OR_VERSION);
            }
        }
    }

    /** grpc is once per block in every version; forward until 1.9.4 (PR #5127 chains several). */
    private void once(Directive d, Directive first) {
        if (first == null) {
            return;
        }
        String plugin = d.pluginName();
        boolean limited = plugin.equals("grpc") || plugin.equals("reload")
                || (plugin.equals("forward") && version.compareTo(MULTI_FORWARD_SINCE) < 0);
        if (limited) {
            throw new UnsupportedPluginException("line " + d.line() + ": plugin '" + plugin + "' appears a second "
                    + "time in one server block (first at line " + first.line() + "); CoreDNS " + version
                    + " allows it once per server block: use a separate server block per zone"
                    + (plugin.equals("forward") ? OR_VERSION : ""));
        }
    }
}
