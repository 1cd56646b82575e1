package dev.svcalias.app.alias;

import dev.svcalias.app.Parallel;
import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.AliasServices;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConfigMapKeys;
import dev.svcalias.cluster.CorefileStore;
import dev.svcalias.cluster.DnsOperator;
import dev.svcalias.cluster.Inventory;
import dev.svcalias.cluster.ProbePods;
import dev.svcalias.cluster.ServiceEntries;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.cluster.Services;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cluster as apply planned against it: every kind an alias backend reads (ServiceEntries, every Service,
 * the aliases namespace and its Services) listed once, all lists at once, then served from memory. The backends
 * plan thousands of aliases over this view with their ordinary put/remove/list code and cause no request per
 * alias. Writes through it are refused: they go to the live cluster (PlanApplier), conditional on the
 * resourceVersions read here, so a change made after the read is a conflict, never overwritten.
 */
public final class ObservedCluster implements Cluster {
    private final Cluster live;
    private final List<ServiceEntryRecord> entries;
    private final SvcaliasException entriesNotServed;
    private final String entryVersion;
    private final List<ServiceInfo> services;
    private final Map<String, ServiceInfo> servicesByName = new HashMap<>();
    private final Optional<Map<String, String>> aliasNamespace;
    private final List<AliasService> aliasServices;
    private final ObservedVirtualServices routes;

    private ObservedCluster(Cluster live, Object[] read) {
        this.live = live;
        this.routes = new ObservedVirtualServices(live.virtualServices());
        if (read[0] instanceof SvcaliasException notServed) {
            this.entries = List.of();
            this.entriesNotServed = notServed;
            this.entryVersion = null;
        } else {
            @SuppressWarnings("unchecked") List<ServiceEntryRecord> list = (List<ServiceEntryRecord>) read[0];
            this.entries = list;
            this.entriesNotServed = null;
            this.entryVersion = live.serviceEntries().servedVersion(); // settled by the list: no request
        }
        @SuppressWarnings("unchecked") List<ServiceInfo> all = (List<ServiceInfo>) read[1];
        this.services = all;
        all.forEach(s -> servicesByName.put(s.namespace() + "/" + s.name(), s));
        @SuppressWarnings("unchecked") Optional<Map<String, String>> labels = (Optional<Map<String, String>>) read[2];
        this.aliasNamespace = labels;
        @SuppressWarnings("unchecked") List<AliasService> inNamespace = (List<AliasService>) read[3];
        this.aliasServices = labels.isEmpty() ? List.of() : inNamespace;
    }

    /** Lists every kind once, four requests at once. Without Istio's CRD there are simply no ServiceEntries. */
    public static ObservedCluster read(Cluster live) {
        List<Supplier<Object>> reads = List.of(() -> listEntries(live), () -> live.services().listAll(),
                () -> live.aliasServices().namespaceLabels(ExternalNameAliases.NAMESPACE),
                () -> live.aliasServices().list(ExternalNameAliases.NAMESPACE));
        return new ObservedCluster(live, Parallel.map(reads, reads.size(), Supplier::get).toArray());
    }

    private static Object listEntries(Cluster live) {
        try {
            return live.serviceEntries().listAll();
        } catch (SvcaliasException e) {
            if (e.exitCode() != ExitCode.CLUSTER_STATE) {
                throw e; // unreachable, forbidden: the command ends
            }
            return e; // not served: the backends that need ServiceEntries fail per alias, as alias add would
        }
    }

    @Override
    public CorefileStore corefiles() {
        return live.corefiles();
    }

    @Override
    public Services services() {
        return new ObservedServices();
    }

    @Override
    public ServiceEntries serviceEntries() {
        return new ObservedEntries();
    }

    @Override
    public AliasServices aliasServices() {
        return new ObservedAliasServices();
    }

    @Override
    public dev.svcalias.cluster.VirtualServices virtualServices() {
        return routes;
    }

    @Override
    public ProbePods probePods() {
        return live.probePods();
    }

    @Override
    public Inventory inventory() {
        return live.inventory();
    }

    @Override
    public ConfigMapKeys configMapKeys() {
        return live.configMapKeys();
    }

    @Override
    public DnsOperator dnsOperator() {
        return live.dnsOperator();
    }

    @Override
    public dev.svcalias.cluster.HelmChartConfigs helmChartConfigs() {
        return live.helmChartConfigs();
    }

    @Override
    public String describe() {
        return live.describe();
    }

    @Override
    public void close() {
        // the live cluster belongs to the caller
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the observed cluster is read-only: write through the live one");
    }

    private final class ObservedServices implements Services {
        private final Services liveServices = live.services();

        @Override
        public Optional<ServiceInfo> service(String namespace, String name) {
            return Optional.ofNullable(servicesByName.get(namespace + "/" + name));
        }

        @Override
        public boolean namespaceExists(String namespace) {
            return liveServices.namespaceExists(namespace);
        }

        @Override
        public List<ServiceInfo> listAll() {
            return services;
        }

        @Override
        public Optional<String> deploymentImage(String namespace, String deployment, String container) {
            return liveServices.deploymentImage(namespace, deployment, container);
        }

        @Override
        public List<String> nodeProviderIds() {
            return liveServices.nodeProviderIds();
        }

        @Override
        public Optional<String> configMapValue(String namespace, String name, String key) {
            return liveServices.configMapValue(namespace, name, key);
        }

        @Override
        public boolean daemonSetExists(String namespace, String name) {
            return liveServices.daemonSetExists(namespace, name);
        }

        @Override
        public List<dev.svcalias.cluster.ServiceEndpoint> readyEndpoints(String namespace, String service) {
            return liveServices.readyEndpoints(namespace, service);
        }

        @Override
        public int nudgePodsMounting(String namespace, String configMap) {
            return liveServices.nudgePodsMounting(namespace, configMap);
        }

        @Override
        public void rolloutRestart(String namespace, String deployment) {
            throw readOnly();
        }
    }

    private final class ObservedEntries implements ServiceEntries {
        @Override
        public String servedVersion() {
            if (entriesNotServed != null) {
                throw entriesNotServed;
            }
            return entryVersion;
        }

        @Override
        public List<ServiceEntryRecord> listAll() {
            servedVersion();
            return entries;
        }

        @Override
        public List<ServiceEntryRecord> listManaged() {
            return listAll().stream().filter(ManagedLabels::managed).toList();
        }

        @Override
        public ServiceEntryRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
            throw readOnly();
        }

        @Override
        public void delete(String namespace, String name) {
            throw readOnly();
        }

        @Override
        public void delete(String namespace, String name, String expectedResourceVersion) {
            throw readOnly();
        }
    }

    private final class ObservedAliasServices implements AliasServices {
        @Override
        public List<AliasService> list(String namespace) {
            if (!ExternalNameAliases.NAMESPACE.equals(namespace)) {
                return live.aliasServices().list(namespace);
            }
            return aliasServices;
        }

        @Override
        public Optional<Map<String, String>> namespaceLabels(String namespace) {
            if (!ExternalNameAliases.NAMESPACE.equals(namespace)) {
                return live.aliasServices().namespaceLabels(namespace);
            }
            return aliasNamespace;
        }

        @Override
        public AliasService apply(AliasService service, String expectedResourceVersion) {
            throw readOnly();
        }

        @Override
        public void delete(String namespace, String name, String expectedResourceVersion) {
            throw readOnly();
        }

        @Override
        public void createNamespace(String namespace, Map<String, String> labels) {
            throw readOnly();
        }

        @Override
        public void deleteNamespace(String namespace) {
            throw readOnly();
        }
    }
}
