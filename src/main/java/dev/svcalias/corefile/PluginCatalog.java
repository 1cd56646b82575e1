package dev.svcalias.corefile;

import java.util.Map;
import java.util.Optional;

/**
 * Which CoreDNS releases have which plugins, for the plugins whose history matters to svcalias. Sources are in
 * ../shared/reference/coredns-facts.md (plugin.cfg at each tag, release notes). Plugins not listed are not
 * checked: external or rarely-changed plugins are not refused on a guess.
 */
final class PluginCatalog {
    /** [since, until): until null = still present. */
    record Span(CoreDnsVersion since, CoreDnsVersion until, String replacement) {}

    static final CoreDnsVersion GRPC_SINCE = CoreDnsVersion.of("1.5.0");

    private static final Map<String, Span> PLUGINS = Map.of(
            "proxy", new Span(CoreDnsVersion.of("0.0.0"), GRPC_SINCE, "forward (or grpc for gRPC upstreams)"),
            "grpc", new Span(GRPC_SINCE, null, "proxy ... { protocol grpc insecure }"),
            "forward", new Span(CoreDnsVersion.of("1.0.5"), null, "proxy"),
            "reload", new Span(CoreDnsVersion.of("1.0.6"), null, null),
            "loop", new Span(CoreDnsVersion.of("1.2.1"), null, null),
            "ready", new Span(GRPC_SINCE, null, null),
            "federation", new Span(CoreDnsVersion.of("0.0.0"), CoreDnsVersion.of("1.7.0"), null));

    private PluginCatalog() {}

    /** Why {@code plugin} cannot be used in {@code version}, or empty when it can (or is not tracked). */
    static Optional<String> unavailable(String plugin, CoreDnsVersion version) {
        Span span = PLUGINS.get(plugin);
        if (span == null) {
            return Optional.empty();
        }
        if (version.compareTo(span.since()) < 0) {
            return Optional.of("plugin '" + plugin + "' does not exist in CoreDNS " + version + " (added in "
                    + span.since() + ")" + (span.replacement() == null ? "" : "; use " + span.replacement()));
        }
        if (span.until() != null && version.compareTo(span.until()) >= 0) {
            return Optional.of("plugin '" + plugin + "' does not exist in CoreDNS " + version + " (removed in "
                    + span.until() + ")" + (span.replacement() == null ? "" : "; use " + span.replacement()));
        }
        return Optional.empty();
    }
}
