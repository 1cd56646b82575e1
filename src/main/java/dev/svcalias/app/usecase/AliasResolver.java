package dev.svcalias.app.usecase;

import dev.svcalias.aliasfile.AliasFile;
import dev.svcalias.aliasfile.AliasSpec;
import dev.svcalias.aliasfile.PortSpec;
import dev.svcalias.app.alias.AliasPlan;
import dev.svcalias.app.alias.AliasServiceNames;
import dev.svcalias.app.alias.ObservedCluster;
import dev.svcalias.app.alias.ResolvedAlias;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import dev.svcalias.plan.Change;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a file's aliases into one step per alias host for one cluster: each alias is planned by the alias backend
 * of its zone's recorded mode (ServiceEntries, ExternalName Services, both: whatever the mode writes), over the
 * cluster as read once ({@link ObservedCluster}). The file wins: an alias pointing elsewhere is re-pointed. An
 * alias whose target is missing or unusable, or whose zone is not set up, fails alone; a zone the cluster cannot
 * have (its own cluster domain) or a target alias add would refuse (another cluster domain) fails the whole file,
 * as usage.
 */
final class AliasResolver {
    private final ObservedCluster observed;
    private final DnsChain chain;

    AliasResolver(ObservedCluster observed, DnsChain chain) {
        this.observed = observed;
        this.chain = chain;
    }

    List<AliasStep> resolve(AliasFile file) {
        for (String d : file.declaredDomains()) {
            try {
                DomainRules.validateZone(d, chain.kubernetesZones());
            } catch (SvcaliasException e) {
                throw SvcaliasException.usage(file.source() + ": " + e.getMessage(), e.hint());
            }
        }
        for (AliasSpec spec : file.aliases()) {
            try { // the one check alias add's TARGET goes through, now that the cluster domain is known
                TargetRef.parse(spec.written(), null, chain.clusterDomain());
            } catch (SvcaliasException e) {
                throw SvcaliasException.usage(spec.where() + ": " + e.getMessage(), e.hint());
            }
        }
        List<AliasStep> steps = new ArrayList<>();
        for (AliasSpec spec : file.aliases()) {
            steps.add(resolve(spec));
        }
        return steps;
    }

    /** The zone of a host item without a domain: the longest svcalias zone of this cluster that ends it. */
    Optional<String> zoneOf(String host) {
        return chain.zones().stream().map(z -> z.domain()).filter(z -> host.endsWith("." + z))
                .max(Comparator.comparingInt(String::length));
    }

    private AliasStep resolve(AliasSpec item) {
        String domain = item.domain() != null ? item.domain() : zoneOf(item.host()).orElse(null);
        String host = item.knownHost() != null ? item.knownHost() : item.host();
        if (domain == null) {
            return AliasStep.failed(host, item.target(), "no svcalias zone of this cluster contains it (zones: "
                    + chain.zones().stream().map(z -> z.domain()).collect(Collectors.joining(", "))
                    + "); add domain: to the file");
        }
        if (chain.zone(domain).isEmpty()) {
            return AliasStep.failed(host, item.target(), "zone " + domain + " is not set up in this cluster; run "
                    + "'svcalias init --domain " + domain + "' first");
        }
        try {
            AliasServiceNames.requireCurrentBlock(chain.zone(domain).get());
        } catch (SvcaliasException e) {
            return AliasStep.failed(host, item.target(), e.getMessage() + "; " + e.hint());
        }
        String name = item.name() != null ? item.name() : host.substring(0, host.length() - domain.length() - 1);
        Optional<ServiceInfo> found = observed.services().service(item.namespace(), item.service());
        if (found.isEmpty()) {
            return AliasStep.failed(host, item.target(), "Service " + item.namespace() + "/" + item.service()
                    + " does not exist");
        }
        java.util.Set<Integer> exposed = found.get().ports().stream().map(ServiceInfo.PortInfo::port)
                .collect(Collectors.toSet());
        List<Integer> unknown = item.ports().stream().map(PortSpec::number).filter(p -> !exposed.contains(p)).toList();
        if (!unknown.isEmpty()) { // a route to a port the target does not have leads nowhere
            return AliasStep.failed(host, item.target(), "port " + unknown.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " is not a port of Service " + item.namespace() + "/"
                    + item.service() + " (it has " + exposed.stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + "); list only its ports under ports:");
        }
        ServiceInfo service = withPorts(found.get(), item.ports());
        TargetRef target = new TargetRef(item.service(), item.namespace());
        ResolvedAlias spec = new ResolvedAlias(name, domain, host, target, service, chain.clusterDomain());
        try {
            AliasPlan plan = Mode.recordedIn(chain, domain).aliases(observed).put(spec, true);
            String address = service.headless() ? "" : service.clusterIP();
            if (plan.plan().isEmpty()) {
                return new AliasStep(host, Action.UNCHANGED, item.target(), address, plan.plan(), "");
            }
            Action action = "created".equals(plan.status()) ? Action.CREATE : Action.UPDATE;
            return new AliasStep(host, action, item.target(), address, plan.plan(), action == Action.CREATE ? ""
                    : plan.plan().changes().stream().map(Change::summary).distinct()
                    .collect(Collectors.joining("; ")));
        } catch (SvcaliasException e) { // a target this mode cannot alias, a host held by someone else's object
            return AliasStep.failed(host, item.target(), e.getMessage());
        }
    }

    private static ServiceInfo withPorts(ServiceInfo s, List<PortSpec> ports) {
        if (ports.isEmpty()) {
            return s;
        }
        List<ServiceInfo.PortInfo> mapped = ports.stream()
                .map(p -> new ServiceInfo.PortInfo(p.name(), p.number(), p.protocol())).toList();
        return new ServiceInfo(s.namespace(), s.name(), s.type(), s.clusterIP(), s.externalName(), mapped);
    }
}
