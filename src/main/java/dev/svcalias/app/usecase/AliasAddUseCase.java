package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasBackend;
import dev.svcalias.app.alias.AliasPlan;
import dev.svcalias.app.alias.AliasServiceNames;
import dev.svcalias.app.alias.ResolvedAlias;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.naming.TargetRef;
import java.util.List;
import java.util.Optional;

/** svcalias alias add NAME TARGET: writes what the zone's recorded mode needs (see {@link AliasBackend}). */
public final class AliasAddUseCase {
    private final Cluster cluster;

    public AliasAddUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * alias add --wait: the write, then {@code wait} until every CoreDNS replica answers the alias (not after
     * --dry-run, which the command rejects with --wait).
     */
    public Waited<AliasResult> run(AliasRequest request, EffectWait wait) {
        Added added = add(request);
        AliasResult result = added.result();
        String domain = added.domain();
        String written = "alias " + result.host() + (result.plan().isEmpty() ? " was already in place (nothing "
                + "written)" : " was " + result.status());
        return new Waited<>(result, wait.await(cluster, request.layout(), domain, List.of(request.name()), written,
                undo(request.name(), domain, result, added.repointedFrom())));
    }

    /**
     * The command that takes the alias back to where it was: remove a new alias, point a re-pointed one at its
     * previous target, and re-write an updated one (same target; the older shape is not written back).
     */
    static String undo(String name, String domain, AliasResult result, Optional<String> repointedFrom) {
        if (result.status().equals("created") || result.plan().isEmpty()) {
            return "svcalias alias remove " + name + " --domain " + domain;
        }
        return "svcalias alias add " + name + " " + repointedFrom.orElse(result.target()) + " --domain " + domain
                + " --force";
    }

    public AliasResult run(AliasRequest request) {
        return add(request).result();
    }

    /** What alias add did, in which zone (as read for the write), and the target a re-pointed alias had before. */
    private record Added(AliasResult result, String domain, Optional<String> repointedFrom) {}

    private Added add(AliasRequest request) {
        DnsChain chain = DnsChain.read(cluster, request.layout());
        String domain = chain.domain(request.domain());
        if (chain.zone(domain).isEmpty()) { // in any mode: without kube-dns's block the name never resolves
            throw SvcaliasException.state("zone " + domain + " is not set up: " + request.layout().kubeDnsCorefile()
                    + " has no svcalias block for it, so " + request.name() + "." + domain + " could never resolve",
                    "run 'svcalias init --domain " + domain + "' first");
        }
        AliasServiceNames.requireCurrentBlock(chain.zone(domain).get());
        String host = DomainRules.aliasHost(request.name(), domain);
        TargetRef target = TargetRef.parse(request.target(), request.namespace(), chain.clusterDomain());
        ServiceInfo service = lookUp(cluster, target);
        AliasBackend backend = Mode.recordedIn(chain, domain).aliases(cluster);
        String name = host.substring(0, host.length() - domain.length() - 1);
        AliasPlan plan = backend.put(new ResolvedAlias(name, domain, host, target, service, chain.clusterDomain()),
                request.force());
        if (!request.dryRun()) {
            new PlanApplier(cluster).apply(plan.plan());
        }
        String address = service.headless() ? "None (headless)" : service.clusterIP();
        return new Added(new AliasResult(request.name(), host, target.toString(), address, target.namespace(),
                request.dryRun() && !plan.plan().isEmpty() ? plan.status() + " (dry run)" : plan.status(),
                plan.plan()), domain, plan.repointedFrom());
    }

    /** The target must exist: a missing Service or namespace is invalid input (exit 2). */
    static ServiceInfo lookUp(Cluster cluster, TargetRef target) {
        Optional<ServiceInfo> found = cluster.services().service(target.namespace(), target.name());
        if (found.isEmpty()) {
            if (!cluster.services().namespaceExists(target.namespace())) {
                throw SvcaliasException.usage("namespace " + target.namespace() + " does not exist",
                        "check the TARGET's namespace (kubectl get namespaces)");
            }
            throw SvcaliasException.usage("Service " + target.namespace() + "/" + target.name() + " does not exist",
                    "check the TARGET's name (kubectl get services -n " + target.namespace() + ")");
        }
        return found.get();
    }
}
