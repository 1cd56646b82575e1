package dev.svcalias.app;

import dev.svcalias.aliasfile.AliasFile;
import dev.svcalias.aliasfile.AliasSpec;
import dev.svcalias.aliasfile.PortSpec;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.error.SvcaliasException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a file's aliases into the ServiceEntries one cluster needs, from what was read of it. An alias whose
 * target is missing or unusable becomes a failed alias (the others still apply); a zone the cluster cannot have
 * (its own cluster domain) fails the whole file, as usage.
 */
final class AliasResolver {
    private final ObservedAliases observed;
    private final String apiVersion;

    AliasResolver(ObservedAliases observed, String apiVersion) {
        this.observed = observed;
        this.apiVersion = apiVersion;
    }

    List<DesiredAlias> resolve(AliasFile file) {
        for (String d : file.declaredDomains()) {
            try {
                DomainRules.validateZone(d, observed.clusterDomain());
            } catch (SvcaliasException e) {
                throw SvcaliasException.usage(file.source() + ": " + e.getMessage(), e.hint());
            }
        }
        List<DesiredAlias> desired = new ArrayList<>();
        for (AliasSpec spec : file.aliases()) {
            desired.add(resolve(spec));
        }
        return desired;
    }

    private DesiredAlias resolve(AliasSpec spec) {
        String domain = spec.domain() != null ? spec.domain() : zoneOf(spec.host()).orElse(null);
        String host = spec.knownHost();
        if (domain == null) {
            return DesiredAlias.failed(host, null, spec.target(), "no svcalias zone of this cluster contains it "
                    + "(zones: " + String.join(", ", observed.zones()) + "); add domain: to the file");
        }
        String name = spec.name() != null ? spec.name() : host.substring(0, host.length() - domain.length() - 1);
        Optional<ServiceInfo> found = observed.service(spec.namespace(), spec.service());
        String problem = found.isEmpty() ? "Service " + spec.namespace() + "/" + spec.service() + " does not exist"
                : unusable(found.get());
        if (problem != null) {
            return DesiredAlias.failed(host, domain, spec.target(), problem);
        }
        ServiceInfo service = withPorts(found.get(), spec.ports());
        TargetRef target = new TargetRef(spec.service(), spec.namespace());
        return new DesiredAlias(host, domain, spec.target(), ServiceEntryManifest.build(apiVersion, host, name,
                domain, target, service, observed.clusterDomain()), null);
    }

    /** For a host copied from alias list: the longest svcalias zone it ends with. */
    private Optional<String> zoneOf(String host) {
        return observed.zones().stream().filter(z -> host.endsWith("." + z))
                .max(Comparator.comparingInt(String::length));
    }

    private static String unusable(ServiceInfo s) {
        if (s.externalNameType()) {
            return "Service " + s.namespace() + "/" + s.name() + " is of type ExternalName and has no ClusterIP";
        }
        if (s.headless() || s.clusterIP() == null || s.clusterIP().isBlank()) {
            return "Service " + s.namespace() + "/" + s.name() + " is headless (clusterIP: None)";
        }
        return null;
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
