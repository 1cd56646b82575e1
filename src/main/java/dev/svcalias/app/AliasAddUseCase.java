package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** svcalias alias add NAME TARGET: one ServiceEntry per alias, in the target's namespace. */
public final class AliasAddUseCase {
    private final Cluster cluster;

    public AliasAddUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    public AliasResult run(AliasRequest request) {
        DnsChain chain = DnsChain.read(cluster, request.layout());
        String domain = chain.domain(request.domain());
        if (chain.stubDomain(domain).isEmpty()) {
            throw SvcaliasException.state("zone " + domain + " is not set up: " + request.layout().kubeDnsCorefile()
                    + " has no svcalias block for it, so " + request.name() + "." + domain + " could never resolve",
                    "run 'svcalias init --domain " + domain + "' first");
        }
        String host = DomainRules.aliasHost(request.name(), domain);
        TargetRef target = TargetRef.parse(request.target(), request.namespace(), chain.clusterDomain());
        ServiceInfo service = lookUp(target);

        List<ServiceEntryRecord> all = cluster.serviceEntries().listAll();
        Optional<ServiceEntryRecord> foreign = all.stream()
                .filter(e -> e.hosts().contains(host) && !ManagedLabels.managed(e)).findFirst();
        if (foreign.isPresent()) {
            throw SvcaliasException.state("host " + host + " is already declared by ServiceEntry "
                    + foreign.get().namespace() + "/" + foreign.get().name() + ", which svcalias did not create",
                    "pick another alias NAME, or delete that ServiceEntry if it is stale");
        }
        Optional<ServiceEntryRecord> current = all.stream()
                .filter(e -> e.hosts().contains(host) && ManagedLabels.managed(e)).findFirst();

        Map<String, Object> manifest = ServiceEntryManifest.build(cluster.serviceEntries().servedVersion(), host,
                request.name(), domain, target, service, chain.clusterDomain());
        List<Change> changes = new ArrayList<>();
        String status;
        if (current.isEmpty()) {
            changes.add(new ServiceEntryPut(manifest, null, "created"));
            status = "created";
        } else if (pointsAt(current.get(), target, service)) {
            status = "unchanged";
        } else {
            ServiceEntryRecord old = current.get();
            if (!request.force()) {
                throw SvcaliasException.state("alias " + host + " already points at " + ManagedLabels.target(old)
                        + " (" + String.join(",", old.addresses()) + ")", "pass --force to re-point it at " + target);
            }
            if (old.namespace().equals(target.namespace())) {
                changes.add(new ServiceEntryPut(manifest, old, "re-pointed from " + ManagedLabels.target(old)));
            } else {
                // a ServiceEntry lives in its target's namespace: create the new one, then delete the old one
                changes.add(new ServiceEntryPut(manifest, null, "re-pointed from " + ManagedLabels.target(old)));
                changes.add(new ServiceEntryDelete(old, "moved to " + target.namespace()));
            }
            status = "re-pointed";
        }
        Plan plan = new Plan(changes);
        if (!request.dryRun()) {
            new PlanApplier(cluster).apply(plan);
        }
        return new AliasResult(request.name(), host, target.toString(), service.clusterIP(), target.namespace(),
                request.dryRun() && !plan.isEmpty() ? status + " (dry run)" : status, plan);
    }

    private boolean pointsAt(ServiceEntryRecord entry, TargetRef target, ServiceInfo service) {
        return entry.namespace().equals(target.namespace())
                && ManagedLabels.target(entry).equals(target.toString())
                && entry.addresses().equals(List.of(service.clusterIP()));
    }

    private ServiceInfo lookUp(TargetRef target) {
        Optional<ServiceInfo> found = cluster.services().service(target.namespace(), target.name());
        if (found.isEmpty()) {
            if (!cluster.services().namespaceExists(target.namespace())) {
                throw SvcaliasException.usage("namespace " + target.namespace() + " does not exist",
                        "check the TARGET's namespace (kubectl get namespaces)");
            }
            throw SvcaliasException.usage("Service " + target.namespace() + "/" + target.name() + " does not exist",
                    "check the TARGET's name (kubectl get services -n " + target.namespace() + ")");
        }
        ServiceInfo service = found.get();
        if (service.externalNameType()) {
            throw SvcaliasException.state("Service " + target + " is of type ExternalName (" + service.externalName()
                    + ") and has no ClusterIP for istiocoredns to answer with",
                    "alias a Service with a ClusterIP, or point clients at " + service.externalName() + " directly");
        }
        if (service.headless() || service.clusterIP() == null || service.clusterIP().isBlank()) {
            throw SvcaliasException.state("Service " + target + " is headless (clusterIP: None); istiocoredns can "
                    + "only answer with one fixed address", "alias a Service with a ClusterIP");
        }
        return service;
    }
}
