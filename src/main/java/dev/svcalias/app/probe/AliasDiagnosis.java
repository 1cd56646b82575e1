package dev.svcalias.app.probe;

import dev.svcalias.app.alias.AliasView;
import dev.svcalias.dns.DnsAnswer;
import java.util.List;

/** Explains in words where the alias's chain breaks (kube-dns -> istiocoredns -> Istio plugin, or kube-dns alone). */
public final class AliasDiagnosis {
    private AliasDiagnosis() {}

    /**
     * Explains why an alias does not resolve as expected.
     *
     * @param chainProblems problems found statically in the Corefiles (apply to every alias)
     * @return empty string when the alias resolves as expected
     */
    public static String diagnose(AliasView alias, DnsAnswer a, DnsAnswer aaaa, List<String> chainProblems,
                           String probe, String nxdomainHint) {
        boolean aOk = expected(alias, a);
        boolean aaaaOk = aaaa.noError();
        if (aOk && aaaaOk && alias.inSync()) {
            return "";
        }
        if (!alias.inSync()) {
            return alias.problem();
        }
        if (!chainProblems.isEmpty()) {
            return String.join("; ", chainProblems);
        }
        if (!aOk) {
            return switch (a.rcode()) {
                case "NXDOMAIN" -> "kube-dns at " + probe + " answered NXDOMAIN for " + alias.host() + ": "
                        + nxdomainHint;
                case "SERVFAIL" -> "kube-dns at " + probe + " answered SERVFAIL: it cannot reach istiocoredns, or "
                        + "istiocoredns cannot reach its plugin on 127.0.0.1:8053";
                case "TIMEOUT" -> "no answer from " + probe + (a.error() == null ? "" : " (" + a.error() + ")");
                case "NOERROR" -> "answered " + a.describe() + " instead of " + (headless(alias)
                        ? "the headless target's pod addresses" : alias.targetIp().get())
                        + ": another record for " + alias.host() + " shadows the alias";
                default -> "kube-dns at " + probe + " answered " + a.describe();
            };
        }
        return "AAAA answered " + aaaa.describe() + ": musl (Alpine) clients will fail to resolve " + alias.host()
                + "; rerun 'svcalias init' so kube-dns answers AAAA itself";
    }

    /**
     * Whether an A answer is the alias's: its target's ClusterIP, or, for a headless target, its pods' addresses
     * (any address is right). Through kube-dns and through the mesh's DNS proxy alike.
     */
    public static boolean expected(AliasView alias, DnsAnswer a) {
        return a.noError() && alias.targetIp().isPresent() && (headless(alias)
                ? !a.addresses().isEmpty() : a.addresses().equals(List.of(alias.targetIp().get())));
    }

    /** A headless target answers with its pods' addresses: any address is right. */
    private static boolean headless(AliasView alias) {
        return alias.follows() && alias.targetIp().map("None"::equals).orElse(false);
    }
}
