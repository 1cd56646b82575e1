package dev.svcalias.app.mode;

import dev.svcalias.app.alias.AliasBackend;
import dev.svcalias.app.alias.AliasServiceNames;
import dev.svcalias.app.alias.ExternalNameAliases;
import dev.svcalias.app.alias.ManagedLabels;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.NamespaceCreate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-dns answers the zone itself: one static block in its Corefile rewrites NAME.ZONE to the ExternalName
 * Service NAME-SUFFIX in svcalias's own namespace ({@link AliasServiceNames}), whose CNAME the kubernetes plugin resolves to the target's current
 * records. init writes the namespace, then the block; alias add writes only a Service, never the Corefile.
 */
class CorednsMode implements Mode {
    private final ModeName name;

    CorednsMode(ModeName name) {
        this.name = name;
    }

    @Override
    public ModeName name() {
        return name;
    }

    @Override
    public ModeSetup setUp(ZoneSetup zone) {
        List<Change> changes = new ArrayList<>();
        namespaceChange(zone.cluster()).ifPresent(changes::add);
        String domain = zone.domain();
        String clusterDomain = zone.chain().clusterDomain();
        ManagedZone.Kind kind = name.kind;
        String suffix = AliasServiceNames.suffix(domain);
        zone.chain().zones().stream().filter(z -> !z.domain().equals(domain) && z.serviceSuffix().equals(suffix))
                .findFirst().ifPresent(z -> {
                    throw SvcaliasException.state("zones " + domain + " and " + z.domain() + " hash to the same alias "
                            + "Service suffix " + suffix + ", so their aliases could share Services",
                            "pick another --domain");
                });
        var edit = (java.util.function.UnaryOperator<String>) text -> Corefiles.putAliasZone(text, domain, kind,
                ExternalNameAliases.NAMESPACE, suffix, clusterDomain);
        List<Change> kubeDns = zone.kubeDns().puts(edit, "zone " + domain + " answered by kube-dns from services in "
                + ExternalNameAliases.NAMESPACE + " (" + name + " mode)");
        for (Change c : kubeDns) {
            if (c instanceof dev.svcalias.plan.CorefileChange cc) {
                kubeDnsVersion(zone.cluster(), zone.layout())
                        .ifPresent(v -> Corefiles.checkPluginsAvailable(cc.after(), v));
            }
        }
        changes.addAll(kubeDns);
        return new ModeSetup(changes, Map.of());
    }

    /** The aliases namespace: created when missing; an existing one must hold only svcalias's Services. */
    static Optional<Change> namespaceChange(Cluster cluster) {
        String ns = ExternalNameAliases.NAMESPACE;
        if (cluster.aliasServices().namespaceLabels(ns).isEmpty()) {
            return Optional.of(new NamespaceCreate(ns, Map.of(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER),
                    "created (holds one ExternalName Service per alias)"));
        }
        List<String> foreign = cluster.aliasServices().list(ns).stream().filter(s -> !ExternalNameAliases.managed(s))
                .map(AliasService::name).toList();
        if (!foreign.isEmpty()) {
            throw SvcaliasException.state("namespace " + ns + " holds Services svcalias did not create ("
                    + String.join(", ", foreign) + "); their names would answer as aliases",
                    "move them out of " + ns + " (svcalias owns that namespace)");
        }
        return Optional.empty();
    }

    @Override
    public AliasBackend aliases(Cluster cluster) {
        return new ExternalNameAliases(cluster, true);
    }

    @Override
    public List<String> chainProblems(Cluster cluster, DnsChain chain, String domain) {
        List<String> problems = new ArrayList<>();
        if (chain.zone(domain).isEmpty()) {
            problems.add(chain.layout().kubeDnsCorefile() + " has no svcalias block for zone " + domain
                    + ": run 'svcalias init --domain " + domain + "'");
        }
        if (cluster.aliasServices().namespaceLabels(ExternalNameAliases.NAMESPACE).isEmpty()) {
            problems.add("namespace " + ExternalNameAliases.NAMESPACE + " is gone, so no alias can answer: run "
                    + "'svcalias init --domain " + domain + "' and add the aliases again");
        }
        return problems;
    }

    @Override
    public String nxdomainHint() {
        return "kube-dns does not answer it from " + ExternalNameAliases.NAMESPACE + " (its Corefile block "
                + "arrives with kubelet's ConfigMap sync and CoreDNS's reload, ~2 minutes after init; retry with "
                + "--wait)";
    }

    @Override
    public List<Change> leftoversOf(Cluster cluster, String host) {
        return List.of(); // ServiceEntries (coredns) and VirtualServices (both) go in ExternalNameAliases.put
    }

    @Override
    public boolean routesThroughIstiocoredns() {
        return false;
    }

    static Optional<CoreDnsVersion> kubeDnsVersion(Cluster cluster, ClusterLayout layout) {
        return cluster.services().deploymentImage(layout.kubeDnsNamespace(), layout.kubeDnsDeployment(), null)
                .flatMap(ImageVersions::fromImage);
    }
}
