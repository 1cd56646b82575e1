package dev.svcalias.app.usecase;

import dev.svcalias.aliasfile.AliasFile;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.probe.DnsProbe;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * verify -f FILE: drift of the cluster from the file (what apply --prune would do, nothing written), the chain of
 * every zone of the file, and the file's aliases asked of DNS, all queries through one probe at once.
 */
public final class VerifyFileUseCase {
    private final Cluster cluster;
    private final DnsProbe probe;

    public VerifyFileUseCase(Cluster cluster, DnsProbe probe) {
        this.cluster = cluster;
        this.probe = probe;
    }

    public VerifyFileResult run(AliasFile file, ClusterLayout layout) {
        ApplyRequest request = new ApplyRequest(file, true, false, 1, layout);
        ApplyUseCase.Planned planned = new ApplyUseCase(cluster).plan(request);
        List<AliasStep> steps = planned.steps();
        DnsChain chain = planned.chain();
        Set<String> chainProblems = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>(file.declaredDomains());
        steps.stream().filter(s -> s.action() != Action.DELETE).map(AliasStep::host)
                .forEach(h -> domains.add(domainOf(h, chain)));
        domains.remove(null);
        for (String d : domains) { // each zone's chain as its own mode checks it
            chainProblems.addAll(Mode.recordedIn(chain, d).chainProblems(cluster, chain, d));
        }
        List<DnsProbe.Query> queries = new ArrayList<>();
        for (AliasStep s : steps) {
            if (s.action() != Action.DELETE) {
                queries.add(new DnsProbe.Query(s.host(), RecordType.A));
                queries.add(new DnsProbe.Query(s.host(), RecordType.AAAA));
            }
        }
        Map<DnsProbe.Query, DnsAnswer> answers = queries.isEmpty() ? Map.of() : probe.resolve(queries);
        List<DriftCheck> checks = new ArrayList<>();
        for (AliasStep s : steps) {
            DnsAnswer a = answers.getOrDefault(new DnsProbe.Query(s.host(), RecordType.A), DnsAnswer.timeout("not asked"));
            DnsAnswer aaaa = answers.getOrDefault(new DnsProbe.Query(s.host(), RecordType.AAAA),
                    DnsAnswer.timeout("not asked"));
            String expected = expectedA(s);
            checks.add(new DriftCheck(s, expected, a, aaaa, problem(s, expected, a, aaaa)));
        }
        return new VerifyFileResult(cluster.describe(), probe.describe(), List.copyOf(chainProblems), checks);
    }

    private static String domainOf(String host, DnsChain chain) {
        return chain.zones().stream().map(z -> z.domain()).filter(z -> host.endsWith("." + z))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
    }

    /** The target's ClusterIP, in every mode (an ExternalName alias answers a CNAME, then the target's A). */
    private static String expectedA(AliasStep s) {
        return s.address();
    }

    private static String problem(AliasStep s, String expected, DnsAnswer a, DnsAnswer aaaa) {
        if (s.action() != Action.UNCHANGED) {
            return "drift: " + new DriftCheck(s, expected, a, aaaa, "").drift() + "; run 'svcalias apply -f FILE"
                    + (s.action() == Action.DELETE ? " --prune'" : "'");
        }
        boolean answered = expected.isEmpty() ? a.noError() && !a.addresses().isEmpty() // headless: its pods
                : a.noError() && a.addresses().equals(List.of(expected));
        if (!answered) {
            return "A answered " + a.describe() + ", expected " + expected;
        }
        if (!aaaa.noError()) {
            return "AAAA answered " + aaaa.describe() + ": musl (Alpine) clients will fail to resolve " + s.host();
        }
        return "";
    }
}
