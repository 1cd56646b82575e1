package dev.svcalias.corefile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each plugin of CoreDNS's default build arrived and left: read from plugin.cfg at every v1.x tag of
 * coredns/coredns (v1.0.0 .. v1.14.x). "Since 1.0.0" means "present in the oldest tag read", so for older
 * versions such plugins are not refused. Plugins not listed here (external builds) are never refused.
 * Notable: proxy left and grpc arrived in 1.5.0 (not 1.4.0, which only announced the deprecation); reload is
 * listed in plugin.cfg from 1.1.0 (1.0.6 shipped it commented out, "#reload:reload # enable by reverting #1511").
 */
final class PluginHistory {
    static final CoreDnsVersion GRPC_SINCE = CoreDnsVersion.parse("1.5.0");

    /** [since, removed); removed null = still present. */
    record Span(CoreDnsVersion since, CoreDnsVersion removed, String replacement) {
        boolean existsIn(CoreDnsVersion v) {
            boolean oldest = since.equals(OLDEST_READ);
            return (oldest || v.compareTo(since) >= 0) && (removed == null || v.compareTo(removed) < 0);
        }
    }

    private static final CoreDnsVersion OLDEST_READ = CoreDnsVersion.parse("1.0.0");
    private static final Map<String, Span> PLUGINS = new HashMap<>();

    static {
        since("1.0.0", "tls", "root", "bind", "debug", "trace", "health", "pprof", "prometheus", "errors", "log",
                "dnstap", "chaos", "cache", "rewrite", "loadbalance", "dnssec", "autopath", "hosts", "kubernetes",
                "file", "auto", "secondary", "etcd", "erratic", "whoami");
        since("1.0.1", "nsid");
        since("1.0.3", "template");
        since("1.0.5", "route53", "forward", "on");
        since("1.1.0", "reload");
        since("1.2.0", "metadata");
        since("1.2.1", "loop");
        since("1.3.0", "k8s_external");
        since("1.5.0", "cancel", "ready", "grpc");
        since("1.5.1", "any");
        since("1.6.2", "azure");
        since("1.6.3", "clouddns", "sign");
        since("1.6.4", "acl");
        since("1.6.5", "transfer");
        since("1.6.6", "bufsize");
        since("1.7.0", "dns64");
        since("1.8.1", "local");
        since("1.8.4", "minimal");
        since("1.8.5", "geoip", "header");
        since("1.9.4", "tsig");
        since("1.10.0", "view");
        since("1.10.1", "timeouts");
        since("1.12.0", "multisocket");
        since("1.12.2", "quic");
        since("1.13.0", "nomad");
        since("1.14.0", "grpc_server", "https", "https3");
        since("1.14.3", "proxyproto");
        since("1.14.7", "shed");
        removed("proxy", "1.5.0", "'forward' (and 'grpc' for a gRPC upstream)");
        removed("federation", "1.7.0", null);
        removed("reverse", "1.2.0", "'template'");
        removed("startup", "1.1.1", null);
        removed("shutdown", "1.1.1", null);
        PLUGINS.put("grpc", new Span(GRPC_SINCE, null, "'proxy ZONE ADDRESS { protocol grpc insecure }'"));
    }

    private PluginHistory() {}

    /** Every plugin of the history. */
    static java.util.Set<String> names() {
        return java.util.Set.copyOf(PLUGINS.keySet());
    }

    static Optional<Span> of(String plugin) {
        return Optional.ofNullable(PLUGINS.get(plugin));
    }

    private static void since(String version, String... plugins) {
        for (String p : plugins) {
            PLUGINS.put(p, new Span(CoreDnsVersion.parse(version), null, null));
        }
    }

    private static void removed(String plugin, String version, String replacement) {
        PLUGINS.put(plugin, new Span(OLDEST_READ, CoreDnsVersion.parse(version), replacement));
    }
}
