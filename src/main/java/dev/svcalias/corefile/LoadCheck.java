package dev.svcalias.corefile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code corefile check} adds to parsing: plugin errors CoreDNS refuses at start-up in every release of its
 * default build, whatever the version. A plugin name CoreDNS never shipped ("Unknown directive"), and a second use
 * in one server block of a plugin whose setup returns plugin.ErrOnce in every release read (1.1.2, 1.6.2, 1.14.7:
 * "this plugin can only be used once per Server Block"). Snippets count where a block imports them. Version
 * questions (a plugin one release lacks) stay with PluginCheck, which edits use with the detected version.
 */
final class LoadCheck {
    /** plugin.ErrOnce in every release read; prometheus is the directive of the metrics plugin. */
    private static final Set<String> ONCE = Set.of("cache", "dnssec", "errors", "hosts", "kubernetes",
            "prometheus", "nsid", "pprof", "grpc");

    private LoadCheck() {}

    static void check(Corefile corefile) {
        for (ServerBlock b : corefile.serverBlocks()) {
            Map<String, Directive> seen = new HashMap<>();
            for (Directive d : PluginCheck.expanded(corefile, b)) {
                String plugin = d.pluginName();
                if (!plugin.equals("import") && PluginHistory.of(plugin).isEmpty()) {
                    throw new CorefileSyntaxException(d.line(), d.name().column(), "unknown plugin '" + plugin
                            + "': no CoreDNS release ships it (CoreDNS refuses it as an unknown directive; a build"
                            + " with external plugins may load it)");
                }
                Directive first = seen.putIfAbsent(plugin, d);
                if (first != null && ONCE.contains(plugin)) {
                    throw new CorefileSyntaxException(d.line(), d.name().column(), "plugin '" + plugin + "' appears"
                            + " a second time in one server block (first at line " + first.line() + "); CoreDNS "
                            + "allows it once per server block");
                }
            }
        }
    }
}
