package dev.svcalias.corefile;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The properties (first words of the lines in a plugin's block) that CoreDNS accepts, for the plugins svcalias
 * writes or commonly meets, in the releases read: the {@code case "..."} labels (and cache's Success/Denial
 * constants, errors' {@code consolidate} check) of each plugin's setup.go at coredns/coredns v1.1.2, v1.6.2 and
 * v1.14.7 (forward: its parseBlock), read from the module sources the testbed builds. Every other word is refused
 * by that plugin's setup ("unknown property", "Unknown field", or an argument error). A release not read, or a
 * plugin not listed for a release, is not judged by these lists (OptionHistory still is).
 */
final class PluginProperties {
    static final List<CoreDnsVersion> READ = List.of(CoreDnsVersion.parse("1.1.2"), CoreDnsVersion.parse("1.6.2"),
            CoreDnsVersion.parse("1.14.7"));

    private static final Map<String, Map<String, Set<String>>> PROPERTIES = Map.of(
            "forward", Map.of(
                    "1.1.2", Set.of("except", "max_fails", "health_check", "force_tcp", "tls", "tls_servername",
                            "expire", "policy"),
                    "1.6.2", Set.of("except", "max_fails", "health_check", "force_tcp", "prefer_udp", "tls",
                            "tls_servername", "expire", "policy"),
                    "1.14.7", Set.of("except", "max_fails", "max_connect_attempts", "health_check", "no_rec",
                            "domain", "force_tcp", "prefer_udp", "tls", "tls_servername", "expire", "max_age",
                            "max_idle_conns", "read_timeout", "doh_method", "policy", "max_concurrent", "next",
                            "next_on_nodata", "failfast_all_unhealthy_upstreams", "failover", "resolver",
                            "source_address")),
            "kubernetes", Map.of(
                    "1.1.2", Set.of("endpoint", "endpoint_pod_names", "fallthrough", "labels", "namespaces",
                            "noendpoints", "pods", "resyncperiod", "tls", "transfer", "ttl", "upstream"),
                    "1.6.2", Set.of("endpoint", "endpoint_pod_names", "fallthrough", "ignore", "kubeconfig", "labels",
                            "namespace_labels", "namespaces", "noendpoints", "pods", "resyncperiod", "tls",
                            "transfer", "ttl", "upstream"),
                    "1.14.7", Set.of("apiserver_burst", "apiserver_max_inflight", "apiserver_qps", "endpoint",
                            "endpoint_pod_names", "fallthrough", "ignore", "kubeconfig", "labels", "multicluster",
                            "namespace_labels", "namespaces", "noendpoints", "pods", "startup_timeout", "tls", "ttl",
                            "zonal")),
            "cache", Map.of(
                    "1.1.2", Set.of("success", "denial", "prefetch"),
                    "1.6.2", Set.of("success", "denial", "prefetch"),
                    "1.14.7", Set.of("success", "denial", "prefetch", "disable", "keepttl", "prefer_positive",
                            "serve_stale", "serve_stale_policy", "servfail")),
            "template", Map.of(
                    "1.1.2", Set.of("additional", "answer", "authority", "fallthrough", "match", "rcode", "upstream"),
                    "1.6.2", Set.of("additional", "answer", "authority", "fallthrough", "match", "rcode", "upstream"),
                    "1.14.7", Set.of("additional", "answer", "authority", "ederror", "fallthrough", "match", "rcode",
                            "upstream")),
            "health", Map.of("1.1.2", Set.of("lameduck"), "1.6.2", Set.of("lameduck"), "1.14.7", Set.of("lameduck")),
            "log", Map.of("1.1.2", Set.of("class"), "1.6.2", Set.of("class"), "1.14.7", Set.of("class")),
            "errors", Map.of("1.6.2", Set.of("consolidate"), "1.14.7", Set.of("consolidate", "stacktrace")));

    private PluginProperties() {}

    /**
     * The properties {@code plugin} accepts in {@code version}: that release's list when it was read, else (any
     * version, or one not read) the union of every release read and every option the history knows; empty when
     * the plugin is not judged.
     */
    static Optional<Set<String>> known(String plugin, CoreDnsVersion version) {
        Map<String, Set<String>> byRelease = PROPERTIES.get(plugin);
        if (byRelease == null) {
            return Optional.empty();
        }
        if (version != null && byRelease.containsKey(version.toString())) {
            return Optional.of(byRelease.get(version.toString()));
        }
        Set<String> union = new HashSet<>();
        byRelease.values().forEach(union::addAll);
        OptionHistory.of(plugin).forEach(r -> union.add(r.option()));
        return Optional.of(union);
    }
}
