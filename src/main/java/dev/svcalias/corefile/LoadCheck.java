package dev.svcalias.corefile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code corefile check} adds to parsing: what CoreDNS refuses at start-up. Whatever the version: a plugin
 * CoreDNS never shipped ("Unknown directive"), a second use in one server block of a plugin whose setup returns
 * plugin.ErrOnce in every release read (1.1.2, 1.6.2, 1.14.7: "this plugin can only be used once per Server
 * Block"), a property no release read accepts in the block of a plugin {@link PluginProperties} lists, and a zone
 * with an empty label ({@code a..b}). With a version ({@code --coredns-version}), also a plugin or property that
 * release lacks ({@link PluginHistory}, {@link PluginProperties}, {@link OptionHistory}) and a second forward in
 * one block before 1.9.4. Snippets count where a block imports them.
 */
final class LoadCheck {
    /**
     * plugin.ErrOnce in every release read that ships the plugin (ready and loop: 1.6.2 and 1.14.7; a release
     * without them refuses them anyway); prometheus is the directive of the metrics plugin.
     */
    private static final Set<String> ONCE = Set.of("cache", "dnssec", "errors", "hosts", "kubernetes",
            "prometheus", "nsid", "pprof", "grpc", "ready", "loop");

    private final CoreDnsVersion version;

    private LoadCheck(CoreDnsVersion version) {
        this.version = version;
    }

    /** {@code version} null: what every release refuses. */
    static void check(Corefile corefile, CoreDnsVersion version) {
        LoadCheck check = new LoadCheck(version);
        for (ServerBlock b : corefile.serverBlocks()) {
            b.keys().forEach(LoadCheck::zoneName);
            Map<String, Directive> seen = new HashMap<>();
            for (Directive d : PluginCheck.expanded(corefile, b)) {
                check.plugin(d);
                check.properties(d);
                PluginArguments.check(d);
                Directive first = seen.putIfAbsent(d.pluginName(), d);
                if (first != null && check.once(d.pluginName())) {
                    throw error(d.name(), "plugin '" + d.pluginName() + "' appears a second time in one server block"
                            + " (first at line " + first.line() + "); CoreDNS allows it once per server block");
                }
            }
        }
    }

    /** With a version, also forward before 1.9.4 (reload twice loads: CoreDNS 1.14.7 in the fuzz suite). */
    private boolean once(String plugin) {
        return ONCE.contains(plugin) || (version != null && plugin.equals("forward")
                && version.compareTo(PluginCheck.MULTI_FORWARD_SINCE) < 0);
    }

    private void plugin(Directive d) {
        String plugin = d.pluginName();
        if (plugin.equals("import")) {
            return;
        }
        var span = PluginHistory.of(plugin);
        if (span.isEmpty()) {
            throw error(d.name(), "unknown plugin '" + plugin + "': no CoreDNS release ships it (CoreDNS refuses it "
                    + "as an unknown directive; a build with external plugins may load it)");
        }
        if (version != null && !span.get().existsIn(version)) {
            boolean tooOld = version.compareTo(span.get().since()) < 0;
            throw error(d.name(), "plugin '" + plugin + "' does not exist in CoreDNS " + version + " ("
                    + (tooOld ? "added in " + span.get().since() : "removed in " + span.get().removed())
                    + "); that release refuses it as an unknown directive");
        }
    }

    /** The first word of each line of the plugin's own block (nested blocks inside it are the property's). */
    private void properties(Directive d) {
        var known = PluginProperties.known(d.pluginName(), version);
        if (known.isEmpty()) {
            return;
        }
        int depth = 0;
        int previousLine = -1;
        for (Token t : d.nested()) {
            if (t.is("{")) {
                depth++;
            } else if (t.is("}")) {
                depth--;
            } else if (depth == 1 && t.line() != previousLine) {
                checkProperty(d, t, known.get());
            }
            previousLine = t.endLine();
        }
    }

    private void checkProperty(Directive d, Token property, Set<String> known) {
        String name = property.text();
        if (!known.contains(name)) {
            throw error(property, "unknown property '" + name + "' of plugin '" + d.pluginName() + "' ("
                    + (version != null && PluginProperties.READ.contains(version) ? "CoreDNS " + version
                    : "no CoreDNS release read: " + PluginProperties.READ) + " refuses it)");
        }
        OptionHistory.find(d.pluginName(), name).filter(r -> version != null && !r.existsIn(version)).ifPresent(r -> {
            throw error(property, "property '" + name + "' of plugin '" + d.pluginName() + "' does not exist in "
                    + "CoreDNS " + version + " (" + (r.since() != null && version.compareTo(r.since()) < 0
                    ? "added in " + r.since() : "removed in " + r.removed()) + ")");
        });
    }

    /** CoreDNS refuses a zone with an empty label ("a..b") or no name at all (":9153"): not a domain name. */
    private static void zoneName(Token key) {
        String k = key.text();
        if (k.isEmpty() || k.equals(",") || k.contains("{$") || k.contains("{%")) {
            return;
        }
        String host = k.endsWith(",") ? k.substring(0, k.length() - 1) : k;
        host = host.substring(host.indexOf("://") < 0 ? 0 : host.indexOf("://") + 3);
        invalidPort(key, host);
        if (host.isEmpty() || host.startsWith(":")) {
            throw error(key, "'" + k + "' is not a valid zone: it has no name before its port; CoreDNS refuses it "
                    + "(write '.:PORT' for the root zone)");
        }
        String zone = ZoneKey.parse(k).zone();
        if (!zone.equals(".") && (zone.contains("..") || zone.startsWith("."))) {
            throw error(key, "'" + k + "' is not a valid zone: the name '" + zone + "' has an empty label (two dots"
                    + " in a row); CoreDNS refuses it");
        }
    }

    /**
     * CoreDNS takes what follows the key's last colon as the port when strconv.Atoi reads it, then no socket can
     * listen on one outside 0-65535 ("address 99999: invalid port", every release). A number past Go's int64 is
     * read as part of the zone instead, which releases judge differently: not judged.
     */
    private static void invalidPort(Token key, String host) {
        String digits = host.substring(host.lastIndexOf(':') + 1);
        if (host.indexOf(':') < 0 || !ZoneKey.PORT.matcher(digits).matches() || ZoneKey.port(digits) >= 0) {
            return;
        }
        try {
            Long.parseLong(digits);
        } catch (NumberFormatException pastInt64) {
            return;
        }
        throw error(key, "'" + key.text() + "': " + digits + " is not a valid port (0 to 65535); CoreDNS refuses it "
                + "(\"invalid port\")");
    }

    private static CorefileSyntaxException error(Token at, String problem) {
        return new CorefileSyntaxException(at.line(), at.column(), problem);
    }
}
