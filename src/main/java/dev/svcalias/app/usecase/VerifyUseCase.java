package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.probe.AliasDiagnosis;
import dev.svcalias.app.probe.DnsProbe;
import dev.svcalias.app.probe.ReplicaCheck;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * svcalias verify: a static check of the chain through the API, then real DNS queries (A and AAAA) per alias.
 * With --wait it repeats until every alias passes or the timeout runs out.
 */
public final class VerifyUseCase {
    private final Cluster cluster;
    private final DnsProbe probe;
    private final DnsProbe meshedProbe;

    public VerifyUseCase(Cluster cluster, DnsProbe probe) {
        this(cluster, probe, null);
    }

    /** @param meshedProbe istio mode's --meshed: the same queries through the mesh's DNS proxy (null: not asked) */
    public VerifyUseCase(Cluster cluster, DnsProbe probe, DnsProbe meshedProbe) {
        this.cluster = cluster;
        this.probe = probe;
        this.meshedProbe = meshedProbe;
    }

    /**
     * Verifies, retrying until it passes or the timeout ends when asked to wait.
     *
     * @param onRetry told about each failed round before waiting (spinner text)
     */
    public VerifyResult run(VerifyRequest request, Consumer<VerifyResult> onRetry) {
        Instant deadline = Instant.now().plus(request.timeout());
        while (true) {
            VerifyResult result = once(request);
            if (result.passed() || !request.waitForPass() || Instant.now().plus(request.interval()).isAfter(deadline)) {
                return result;
            }
            onRetry.accept(result);
            sleep(request.interval());
        }
    }

    VerifyResult once(VerifyRequest request) {
        DnsChain chain = DnsChain.read(cluster, request.layout());
        String domain = chain.domain(request.domain());
        Mode mode = Mode.recordedIn(chain, domain);
        if (meshedProbe != null) { // before any probe pod is started
            mode.checkMeshedProbe(domain);
        }
        List<String> chainProblems = mode.chainProblems(cluster, chain, domain);
        List<AliasView> aliases = select(AliasView.load(cluster), request.names(), domain);
        List<DnsProbe.Query> queries = new ArrayList<>();
        for (AliasView alias : aliases) {
            queries.add(new DnsProbe.Query(alias.host(), RecordType.A));
            queries.add(new DnsProbe.Query(alias.host(), RecordType.AAAA));
        }
        ReplicaCheck replicas = ReplicaCheck.of(cluster, probe, request.layout(), aliases);
        List<DnsProbe.Query> asked = new ArrayList<>(queries);
        asked.addAll(replicas.queries());
        Map<DnsProbe.Query, DnsAnswer> answers = asked.isEmpty() ? Map.of() : probe.resolve(asked);
        Map<String, String> routes = mode.aliases(cluster).problems(aliases, chain.clusterDomain());
        List<AliasCheck> checks = new ArrayList<>();
        for (AliasView alias : aliases) {
            DnsAnswer a = answers.get(new DnsProbe.Query(alias.host(), RecordType.A));
            DnsAnswer aaaa = answers.get(new DnsProbe.Query(alias.host(), RecordType.AAAA));
            String expected = alias.targetIp().orElse(alias.address());
            String diagnosis = AliasDiagnosis.diagnose(alias, a, aaaa, chainProblems, probe.describe(),
                    mode.nxdomainHint());
            if (diagnosis.isEmpty()) {
                diagnosis = routes.getOrDefault(alias.host(), "");
            }
            if (diagnosis.isEmpty()) {
                diagnosis = replicas.lagging(alias.host(), expected, answers);
            }
            checks.add(new AliasCheck(alias.host(), alias.target(), expected, a, aaaa, diagnosis));
        }
        if (meshedProbe == null) {
            return new VerifyResult(domain, probe.describe(), chainProblems, checks);
        }
        return new VerifyResult(domain, probe.describe(), chainProblems, checks, meshedProbe.describe(),
                meshed(aliases, queries));
    }

    /**
     * The DNS proxy must answer the target's ClusterIP (a headless target's: its pods' addresses): istio mode's ServiceEntry has no address, so istiod leaves
     * the alias out of the proxy's name table and the proxy asks kube-dns (ADR 0180); an entry of the old,
     * fixed-address shape is answered from the name table and may be stale. AAAA: NOERROR.
     */
    private List<AliasCheck> meshed(List<AliasView> aliases, List<DnsProbe.Query> queries) {
        Map<DnsProbe.Query, DnsAnswer> answers = queries.isEmpty() ? Map.of() : meshedProbe.resolve(queries);
        List<AliasCheck> checks = new ArrayList<>();
        for (AliasView alias : aliases) {
            DnsAnswer a = answers.get(new DnsProbe.Query(alias.host(), RecordType.A));
            DnsAnswer aaaa = answers.get(new DnsProbe.Query(alias.host(), RecordType.AAAA));
            String expected = alias.targetIp().orElse(alias.address());
            String diagnosis = "";
            boolean answered = alias.targetIp().isPresent() ? AliasDiagnosis.expected(alias, a)
                    : a.noError() && a.addresses().equals(List.of(expected));
            if (!answered) {
                diagnosis = !alias.inSync() ? alias.problem() : "the mesh's DNS proxy at " + meshedProbe.describe()
                        + " answered " + a.describe() + ": istiod has not pushed the alias's ServiceEntry as svcalias "
                        + "wrote it yet (without an address, the proxy leaves the alias to kube-dns), or another "
                        + "ServiceEntry gives " + alias.host() + " an address (retry with --wait)";
            } else if (!aaaa.noError()) {
                diagnosis = "AAAA answered " + aaaa.describe() + " through the mesh's DNS proxy";
            }
            checks.add(new AliasCheck(alias.host(), alias.target(), expected, a, aaaa, diagnosis));
        }
        return checks;
    }

    private static List<AliasView> select(List<AliasView> all, List<String> names, String domain) {
        List<AliasView> inZone = all.stream().filter(a -> a.host().endsWith("." + domain)).toList();
        if (names.isEmpty()) {
            return inZone;
        }
        List<AliasView> chosen = new ArrayList<>();
        for (String name : names) {
            String host = DomainRules.aliasHost(name, domain);
            Optional<AliasView> found = inZone.stream().filter(a -> a.host().equals(host)).findFirst();
            chosen.add(found.orElseThrow(() -> SvcaliasException.usage("alias " + host + " does not exist",
                    "see 'svcalias alias list'")));
        }
        return chosen;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SvcaliasException(dev.svcalias.error.ExitCode.VERIFY_FAILED, "interrupted while waiting", "");
        }
    }
}
