package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * svcalias init: route the zone from kube-dns to istiocoredns and from istiocoredns to its Istio plugin.
 * istiocoredns's Corefile is written first (a route nobody uses yet is harmless), kube-dns's second; if the
 * second write fails the first is rolled back.
 */
public final class InitUseCase {
    private final Cluster cluster;

    public InitUseCase(Cluster cluster) {
        this.cluster = cluster;
    }

    public InitResult run(InitRequest request) {
        ClusterLayout layout = request.layout();
        DnsChain chain = DnsChain.read(cluster, layout);
        String domain = DomainRules.validateZone(request.domain(), chain.clusterDomain());
        List<String> warnings = new ArrayList<>();
        CloudProviders.shadowWarning(domain, cluster.services().nodeProviderIds()).ifPresent(w -> {
            if (!request.force()) {
                throw SvcaliasException.usage(w, "pick another --domain, or pass --force if you accept that");
            }
            warnings.add(w + " (accepted with --force)");
        });

        String istioIp = chain.istiocorednsIp().orElseThrow(() -> SvcaliasException.state("no istiocoredns Service "
                + "with a ClusterIP in " + layout.istioNamespace() + " (Istio removed istiocoredns in 1.8; newer "
                + "Istio resolves ServiceEntry hosts in its sidecar DNS proxy)", "install Istio's istiocoredns "
                + "addon, or pass --istio-namespace/--istiocoredns-service if it lives elsewhere"));
        CorefileSnapshot istio = chain.istio().orElseThrow(() -> SvcaliasException.state(layout.istioCorefile()
                + " not found: istiocoredns has no Corefile ConfigMap", "pass --istio-configmap NAMESPACE/NAME"));
        CoreDnsVersion version = istioVersion(request, layout);

        checkPlugins(istio, version, request.corednsVersion() == null);
        PlatformSetup platform = chain.platform();
        KubeDnsSide side = chain.kubeDnsSide();
        java.util.Optional<CoreDnsVersion> kubeDnsVersion = kubeDnsVersion(layout);
        platform.corefile().ifPresent(c -> kubeDnsVersion.ifPresent(v -> checkPlugins(c, v, true)));

        UnaryOperator<String> istioEdit = text -> Corefiles.addIstioRoute(text, domain, version);
        UnaryOperator<String> kubeDnsEdit = text -> Corefiles.addStubDomain(text, domain, istioIp);
        String istioAfter = edit(istio, istioEdit);
        Change kubeDnsChange = side.put(kubeDnsEdit, "zone " + domain + " -> " + istioIp + " (istiocoredns)");
        if (kubeDnsChange instanceof CorefileChange cc) {
            kubeDnsVersion.ifPresent(v -> Corefiles.checkPluginsAvailable(cc.after(), v));
        }

        String routeKind = version.compareTo(new CoreDnsVersion(1, 5, 0)) >= 0 ? "grpc" : "proxy";
        List<Change> changes = new ArrayList<>(List.of(
                new CorefileChange(istio, istioAfter, istioEdit, "zone " + domain + " -> 127.0.0.1:8053 ("
                        + routeKind + ", CoreDNS " + version + ")", false), kubeDnsChange));
        platform.nodeLocal().ifPresent(nl -> changes.add(NodeLocalZones.put(nl, domain,
                platform.detection().nodeLocal().orElseThrow().forwardTo())));
        Plan plan = new Plan(changes);
        warnings.addAll(platform.warnings());
        boolean revertible = !platform.warnings().isEmpty() && !plan.isEmpty();
        if (kubeDnsChange instanceof CorefileChange cc && !plan.isEmpty()) {
            platform.detection().platform().keepCommand(platform.facts(), cc.after())
                    .filter(c -> !platform.warnings().isEmpty())
                    .ifPresent(c -> warnings.add("to keep it, run: " + c));
        }

        List<String> restarts = new ArrayList<>();
        if (!plan.isEmpty() && !request.dryRun()) {
            new PlanApplier(cluster).apply(plan);
        }
        reloadNotes(request, layout, chain, istio, plan, warnings, restarts);
        return new InitResult(domain, chain.clusterDomain(), istioIp, version.toString(), plan, request.dryRun(),
                warnings, restarts, platform.detection().id().flag(), revertible);
    }

    private String edit(CorefileSnapshot snapshot, UnaryOperator<String> edit) {
        try {
            return edit.apply(snapshot.corefile());
        } catch (CorefileException e) {
            throw SvcaliasException.state(snapshot.ref() + ": " + e.getMessage(), "fix the Corefile by hand, then "
                    + "run svcalias init again");
        }
    }

    private void checkPlugins(CorefileSnapshot snapshot, CoreDnsVersion version, boolean detected) {
        try {
            Corefiles.checkPluginsAvailable(snapshot.corefile(), version);
        } catch (CorefileException e) {
            throw SvcaliasException.state(snapshot.ref() + ": " + e.getMessage(), detected
                    ? "if the detected CoreDNS " + version + " is wrong, pass --coredns-version"
                    : "check --coredns-version " + version);
        }
    }

    private CoreDnsVersion istioVersion(InitRequest request, ClusterLayout layout) {
        if (request.corednsVersion() != null) {
            try {
                return CoreDnsVersion.parse(request.corednsVersion());
            } catch (CorefileException | IllegalArgumentException e) {
                throw SvcaliasException.usage("--coredns-version " + request.corednsVersion() + ": " + e.getMessage(),
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

    private java.util.Optional<CoreDnsVersion> kubeDnsVersion(ClusterLayout layout) {
        return cluster.services().deploymentImage(layout.kubeDnsNamespace(), layout.kubeDnsDeployment(), null)
                .flatMap(ImageVersions::fromImage);
    }

    /** Without the reload plugin a Corefile change waits for the next pod restart: say so, restart on request. */
    private void reloadNotes(InitRequest request, ClusterLayout layout, DnsChain chain, CorefileSnapshot istio,
                             Plan plan, List<String> warnings, List<String> restarts) {
        if (plan.isEmpty()) {
            return;
        }
        chain.platform().corefile().ifPresent(c -> checkReload(request, c, c.ref().namespace(),
                layout.kubeDnsDeployment(), warnings, restarts));
        checkReload(request, istio, layout.istioNamespace(), layout.istioCorednsDeployment(), warnings, restarts);
    }

    private void checkReload(InitRequest request, CorefileSnapshot snapshot, String namespace, String deployment,
                             List<String> warnings, List<String> restarts) {
        if (Corefiles.hasReload(snapshot.corefile())) {
            return;
        }
        String target = "deployment " + namespace + "/" + deployment;
        if (request.restart() && !request.dryRun()) {
            cluster.services().rolloutRestart(namespace, deployment);
            restarts.add(target);
        } else {
            warnings.add(snapshot.ref() + " has no 'reload' plugin: nothing changes until " + target
                    + " restarts; rerun with --restart to restart it");
        }
    }
}
