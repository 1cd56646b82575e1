package dev.svcalias.app.mode;

import dev.svcalias.app.alias.AliasBackend;
import dev.svcalias.app.alias.ExternalNameAliases;
import dev.svcalias.app.alias.ServiceEntryAliases;
import dev.svcalias.app.alias.VirtualServiceAliases;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.CorefileSide;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.VirtualServiceDelete;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Istio 1.1-1.8: kube-dns forwards the zone to istiocoredns, which sends it to the Istio plugin. istiocoredns's
 * Corefile is written first (a route nobody uses yet is harmless), kube-dns's second.
 */
final class IstiocorednsMode implements Mode {
    @Override
    public ModeName name() {
        return ModeName.ISTIOCOREDNS;
    }

    @Override
    public ModeSetup setUp(ZoneSetup zone) {
        ClusterLayout layout = zone.layout();
        DnsChain chain = zone.chain();
        String domain = zone.domain();
        String istioIp = chain.istiocorednsIp().orElseThrow(() -> SvcaliasException.state("no istiocoredns Service "
                + "with a ClusterIP in " + layout.istioNamespace() + " (Istio removed istiocoredns in 1.9; newer "
                + "Istio resolves ServiceEntry hosts in its sidecar DNS proxy)", "run 'svcalias init --mode auto' "
                + "(or --mode istio/coredns), or pass --istio-namespace/--istiocoredns-service if it lives elsewhere"));
        CorefileSnapshot istio = chain.istio().orElseThrow(() -> SvcaliasException.state(layout.istioCorefile()
                + " not found: istiocoredns has no Corefile ConfigMap", "pass --istio-configmap NAMESPACE/NAME"));
        CoreDnsVersion version = istioVersion(zone.cluster(), zone.corednsVersion(), layout);

        checkPlugins(istio, version, zone.corednsVersion() == null);
        Optional<CoreDnsVersion> kubeDnsVersion = CorednsMode.kubeDnsVersion(zone.cluster(), layout);
        chain.platform().corefile().ifPresent(k -> kubeDnsVersion.ifPresent(v -> checkPlugins(k, v, true)));

        // a cluster DNS that can only forward the zone (stubDomains, OpenShift's servers[]) cannot answer AAAA
        // itself, so istiocoredns's route does it (the Istio plugin would say NXDOMAIN and break musl clients)
        boolean answerAaaa = zone.kubeDns().forwardsOnly();
        UnaryOperator<String> istioEdit = text -> Corefiles.istioRouteEdit(text, domain, version, answerAaaa).text();
        UnaryOperator<String> kubeDnsEdit = text -> Corefiles.addStubDomain(text, domain, istioIp);
        String istioAfter = CorefileSide.apply(istio, istioEdit);
        if (answerAaaa) {
            zone.warnings().addAll(Corefiles.istioRouteEdit(istio.corefile(), domain, version, true).notes());
        }
        var kubeDnsChanges = zone.kubeDns().puts(kubeDnsEdit, "zone " + domain + " -> " + istioIp
                + " (istiocoredns)");
        for (var kubeDnsChange : kubeDnsChanges) {
            if (kubeDnsChange instanceof CorefileChange cc) {
                kubeDnsVersion.ifPresent(v -> Corefiles.checkPluginsAvailable(cc.after(), v));
            }
        }
        String routeKind = version.compareTo(new CoreDnsVersion(1, 5, 0)) >= 0 ? "grpc" : "proxy";
        List<Change> changes = new ArrayList<>(List.of(
                new CorefileChange(istio, istioAfter, istioEdit, "zone " + domain + " -> 127.0.0.1:8053 ("
                        + routeKind + ", CoreDNS " + version + ")", false)));
        changes.addAll(kubeDnsChanges);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("istiocorednsClusterIP", istioIp);
        facts.put("istiocorednsCorednsVersion", version.toString());
        return new ModeSetup(changes, facts);
    }

    @Override
    public AliasBackend aliases(Cluster cluster) {
        return new ServiceEntryAliases(cluster);
    }

    @Override
    public List<String> chainProblems(Cluster cluster, DnsChain chain, String domain) {
        return ChainCheck.problems(chain, domain);
    }

    @Override
    public List<Change> leftoversOf(Cluster cluster, String host) {
        List<Change> gone = new ArrayList<>();
        // istio mode's route goes with the mode
        new VirtualServiceAliases(cluster).managed(host).ifPresent(v -> gone.add(
                new VirtualServiceDelete(v, "istiocoredns mode routes by the ServiceEntry alone")));
        // every Service of the host, whatever its name
        cluster.aliasServices().list(ExternalNameAliases.NAMESPACE).stream()
                .filter(s -> ExternalNameAliases.managed(s) && s.externalName() != null
                        && ExternalNameAliases.host(s).equals(host))
                .forEach(s -> gone.add(new AliasServiceDelete(s, "moved to a ServiceEntry")));
        return gone;
    }

    @Override
    public boolean routesThroughIstiocoredns() {
        return true;
    }

    @Override
    public String nxdomainHint() {
        return "istiocoredns has no record for it yet (the Istio plugin reads ServiceEntries periodically and "
                + "CoreDNS reloads its Corefile within ~2 minutes; retry with --wait)";
    }

    private static void checkPlugins(CorefileSnapshot snapshot, CoreDnsVersion version, boolean detected) {
        try {
            Corefiles.checkPluginsAvailable(snapshot.corefile(), version);
        } catch (CorefileException e) {
            throw SvcaliasException.state(snapshot.ref() + ": " + e.getMessage(), detected
                    ? "if the detected CoreDNS " + version + " is wrong, pass --coredns-version"
                    : "check --coredns-version " + version);
        }
    }

    private static CoreDnsVersion istioVersion(Cluster cluster, String corednsVersion, ClusterLayout layout) {
        if (corednsVersion != null) {
            try {
                return CoreDnsVersion.parse(corednsVersion);
            } catch (CorefileException | IllegalArgumentException e) {
                throw SvcaliasException.usage("--coredns-version " + corednsVersion + ": " + e.getMessage(),
                        "give a version like 1.6.2");
            }
        }
        String image = cluster.services().deploymentImage(layout.istioNamespace(), layout.istioCorednsDeployment(),
                layout.istioCorednsContainer()).orElseThrow(() -> SvcaliasException.state("cannot detect the CoreDNS "
                + "version: no Deployment " + layout.istioNamespace() + "/" + layout.istioCorednsDeployment()
                + " with a container '" + layout.istioCorednsContainer() + "'", "pass --coredns-version, e.g. 1.6.2"));
        return ImageVersions.fromImage(image).orElseThrow(() -> SvcaliasException.state("cannot read a CoreDNS "
                + "version from image " + image, "pass --coredns-version, e.g. 1.6.2"));
    }
}
