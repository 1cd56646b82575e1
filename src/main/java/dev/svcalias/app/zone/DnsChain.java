package dev.svcalias.app.zone;

import dev.svcalias.app.Parallel;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.CorefileSyntaxException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import java.util.List;
import java.util.Optional;

/**
 * The state of the recipe's DNS chain as read from the cluster: kube-dns's Corefile, istiocoredns's Corefile and
 * Service. Read once per command and shared by the use cases.
 */
public record DnsChain(ClusterLayout layout, PlatformSetup platform, Optional<CorefileSnapshot> istio,
                       Optional<ServiceInfo> istiocoredns, String clusterDomain) {

    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";

    /** For alias, verify and the like: the platform init recorded (detected when nothing is recorded). */
    public static DnsChain read(Cluster cluster, ClusterLayout layout) {
        return read(cluster, layout, false);
    }

    /**
     * Reads the chain, detecting the platform afresh when {@code detect} (init, which records it, and status).
     *
     * @param detect true for init and status; false to read the platform init recorded
     */
    public static DnsChain read(Cluster cluster, ClusterLayout layout, boolean detect) {
        // three independent reads at once: one round trip instead of three (platform detection is a dozen GETs)
        List<Object> read = Parallel.map(List.<java.util.function.Supplier<?>>of(
                () -> PlatformSetup.read(cluster, layout, false, detect),
                () -> cluster.corefiles().read(layout.istioCorefile()),
                () -> cluster.services().service(layout.istioNamespace(), layout.istioCorednsService())),
                3, java.util.function.Supplier::get);
        PlatformSetup platform = (PlatformSetup) read.get(0);
        @SuppressWarnings("unchecked") Optional<CorefileSnapshot> istio = ((Optional<CorefileSnapshot>) read.get(1))
                .map(DnsChain::checked);
        @SuppressWarnings("unchecked") Optional<ServiceInfo> service = (Optional<ServiceInfo>) read.get(2);
        String clusterDomain = platform.corefile().map(c -> clusterDomain(c.corefile()))
                .orElse(DEFAULT_CLUSTER_DOMAIN);
        return new DnsChain(layout, platform, istio, service, clusterDomain);
    }

    /**
     * A Corefile read from the cluster that svcalias cannot read (syntax, damaged markers) is the cluster's state,
     * not the user's input: exit 5, naming the ConfigMap so the line and column can be found.
     */
    public static CorefileSnapshot checked(CorefileSnapshot snapshot) {
        try {
            Corefiles.check(snapshot.corefile());
            return snapshot;
        } catch (CorefileException e) {
            throw new SvcaliasException(ExitCode.CLUSTER_STATE, snapshot.ref() + " (key " + snapshot.ref().key()
                    + "): " + e.what(), e instanceof CorefileSyntaxException
                    ? "fix the Corefile (kubectl -n " + snapshot.ref().namespace() + " edit configmap "
                    + snapshot.ref().name() + "); svcalias never edits a Corefile it cannot parse" : e.hint(), e);
        }
    }

    /**
     * The cluster domain kube-dns serves, from its Corefile's kubernetes plugin; cluster.local when there is none.
     * init and the offline corefile commands both ask here, so a zone is refused the same way in both.
     */
    public static String clusterDomain(String kubeDnsCorefile) {
        return Corefiles.clusterDomain(kubeDnsCorefile).orElse(DEFAULT_CLUSTER_DOMAIN);
    }

    /**
     * Every zone kube-dns's kubernetes plugin serves, the cluster domain first ({@code kubernetes cluster.local
     * corp.k8s}); [cluster.local] when there is none. A zone may be none of them, nor inside or around one.
     */
    public static List<String> kubernetesZones(String kubeDnsCorefile) {
        List<String> zones = Corefiles.kubernetesZones(kubeDnsCorefile);
        return zones.isEmpty() ? List.of(DEFAULT_CLUSTER_DOMAIN) : zones;
    }

    /** {@link #kubernetesZones(String)} of the Corefile read; the cluster domain alone when none was read. */
    public List<String> kubernetesZones() {
        return platform.corefile().map(c -> kubernetesZones(c.corefile())).orElse(List.of(clusterDomain));
    }

    /** The svcalias zones configured in kube-dns's Corefile. */
    public List<ManagedZone> stubDomains() {
        return platform.maybeSide().map(KubeDnsSide::zones).orElse(List.of()).stream()
                .filter(z -> z.kind() == ManagedZone.Kind.STUB_DOMAIN).toList();
    }

    /** Where the cluster DNS's side of the zone lives; exit 5 on a platform svcalias cannot configure. */
    public KubeDnsSide kubeDnsSide() {
        return platform.side();
    }

    /** Every zone svcalias set up in kube-dns's Corefile, in any mode. */
    public List<ManagedZone> zones() {
        return platform.maybeSide().map(KubeDnsSide::zones).orElse(List.of()).stream()
                .filter(z -> z.kind() != ManagedZone.Kind.ISTIO_ROUTE).toList(); // the route lives in istiocoredns
    }

    public Optional<ManagedZone> zone(String domain) {
        return zones().stream().filter(z -> z.domain().equals(domain)).findFirst();
    }

    /** The zone to use: the one asked for, else the only one svcalias configured. */
    public String domain(String requested) {
        if (requested != null) {
            return DomainRules.validateZone(requested, kubernetesZones());
        }
        List<ManagedZone> zones = zones();
        if (zones.isEmpty()) {
            throw SvcaliasException.state("svcalias is not set up: " + kubeDnsSide().describe()
                    + " has no svcalias zone", "run 'svcalias init --domain internal' first");
        }
        if (zones.size() > 1) {
            throw SvcaliasException.usage("svcalias manages several zones ("
                    + String.join(", ", zones.stream().map(ManagedZone::domain).toList()) + ")",
                    "pass --domain to say which");
        }
        return zones.get(0).domain();
    }

    public Optional<ManagedZone> stubDomain(String domain) {
        return stubDomains().stream().filter(z -> z.domain().equals(domain)).findFirst();
    }

    public Optional<ManagedZone> istioRoute(String domain) {
        return istio.flatMap(s -> Corefiles.managedZone(s.corefile(), domain))
                .filter(z -> z.kind() == ManagedZone.Kind.ISTIO_ROUTE);
    }

    /** istiocoredns's ClusterIP, if the Service exists and has one. */
    public Optional<String> istiocorednsIp() {
        return istiocoredns.map(ServiceInfo::clusterIP).filter(ip -> ip != null && !ip.isBlank() && !"None".equals(ip));
    }
}
