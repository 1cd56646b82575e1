package dev.svcalias.corefile;

import java.util.List;
import java.util.Optional;

/**
 * Options inside a plugin's block that came or went, for the options real Corefiles carry. Sources: each
 * plugin's setup.go at the tags named (coredns/coredns), and ../shared/reference/coredns-facts.md 2.2, 2.5, 2.6.
 */
final class OptionHistory {
    /** [since, removed) for {@code plugin { option ... }}; null = no bound on that side. */
    record Rule(String plugin, String option, CoreDnsVersion since, CoreDnsVersion removed) {
        boolean existsIn(CoreDnsVersion v) {
            return (since == null || v.compareTo(since) >= 0) && (removed == null || v.compareTo(removed) < 0);
        }
    }

    private static final List<Rule> RULES = List.of(
            removed("kubernetes", "upstream", "1.7.0"),       // setup.go v1.6.9 vs v1.7.0; a no-op since 1.4.0
            removed("kubernetes", "resyncperiod", "1.7.0"),   // setup.go v1.6.9 vs v1.7.0
            removed("kubernetes", "transfer", "1.8.0"),       // setup.go v1.7.1 vs v1.8.0 (now the transfer plugin)
            since("forward", "max_concurrent", "1.6.8"),      // setup.go v1.6.7 vs v1.6.8
            since("cache", "disable", "1.9.4"),               // reference 2.5
            since("cache", "servfail", "1.9.4"),              // reference 2.5
            since("cache", "keepttl", "1.10.1"),              // reference 2.5
            since("forward", "next", "1.11.4"),               // reference 2.2
            since("forward", "failfast_all_unhealthy_upstreams", "1.12.0")); // reference 2.2

    private OptionHistory() {}

    static Optional<Rule> find(String plugin, String option) {
        return RULES.stream().filter(r -> r.plugin.equals(plugin) && r.option.equals(option)).findFirst();
    }

    static List<Rule> of(String plugin) {
        return RULES.stream().filter(r -> r.plugin.equals(plugin)).toList();
    }

    private static Rule removed(String plugin, String option, String version) {
        return new Rule(plugin, option, null, CoreDnsVersion.parse(version));
    }

    private static Rule since(String plugin, String option, String version) {
        return new Rule(plugin, option, CoreDnsVersion.parse(version), null);
    }
}
