package dev.svcalias.cluster;

import java.util.function.Supplier;

/**
 * The {@link Cluster} of the commands' hot path over {@link KubeRest} (JDK HTTP client, a small JSON reader): no
 * fabric8 or Jackson is loaded for Corefiles, Services, ServiceEntries, VirtualServices, alias Services, ConfigMap
 * keys and the platform inventory. What only verify's probe, OpenShift or RKE2 need (probe pods, OpenShift's DNS
 * operator, HelmChartConfigs, a rollout restart) goes to a fabric8 {@link Cluster} built on first use.
 */
final class RestCluster implements Cluster {
    private final KubeRest rest;
    private final String description;
    private final Fabric8OnDemand fabric8;
    private final CorefileStore corefiles;
    private final Services services;
    private final ServiceEntries serviceEntries;
    private final AliasServices aliasServices;
    private final ConfigMapKeys configMapKeys;
    private final VirtualServices virtualServices;
    private final ProbePods probePods;
    private final Inventory inventory;
    private final DnsOperator dnsOperator;
    private final HelmChartConfigs helmChartConfigs;

    RestCluster(KubeRest rest, String description, Supplier<Cluster> fabric8) {
        this.rest = rest;
        this.description = description;
        this.fabric8 = new Fabric8OnDemand(fabric8);
        ApiErrors errors = new ApiErrors(rest.server());
        this.corefiles = new RestCorefileStore(rest, errors);
        this.services = new RestServices(rest, errors, () -> this.fabric8.get().services());
        this.serviceEntries = new RestServiceEntries(rest, errors);
        this.aliasServices = new RestAliasServices(rest, errors);
        this.configMapKeys = new RestConfigMapKeys(rest, errors);
        this.virtualServices = new RestVirtualServices(rest, errors);
        this.probePods = OnDemand.of(ProbePods.class, () -> this.fabric8.get().probePods());
        this.inventory = new RestInventory(rest, errors);
        this.dnsOperator = OnDemand.of(DnsOperator.class, () -> this.fabric8.get().dnsOperator());
        this.helmChartConfigs = OnDemand.of(HelmChartConfigs.class, () -> this.fabric8.get().helmChartConfigs());
    }

    @Override
    public CorefileStore corefiles() {
        return corefiles;
    }

    @Override
    public Services services() {
        return services;
    }

    @Override
    public ServiceEntries serviceEntries() {
        return serviceEntries;
    }

    @Override
    public AliasServices aliasServices() {
        return aliasServices;
    }

    @Override
    public ConfigMapKeys configMapKeys() {
        return configMapKeys;
    }

    @Override
    public VirtualServices virtualServices() {
        return virtualServices;
    }

    @Override
    public ProbePods probePods() {
        return probePods;
    }

    @Override
    public Inventory inventory() {
        return inventory;
    }

    @Override
    public DnsOperator dnsOperator() {
        return dnsOperator;
    }

    @Override
    public HelmChartConfigs helmChartConfigs() {
        return helmChartConfigs;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            fabric8.close();
        } finally {
            rest.close();
        }
    }

    /** The fabric8 connection, built once on first use (thread-safe: apply's workers may ask at once). */
    private static final class Fabric8OnDemand implements AutoCloseable {
        private final Supplier<Cluster> connect;
        private Cluster cluster;

        Fabric8OnDemand(Supplier<Cluster> connect) {
            this.connect = connect;
        }

        synchronized Cluster get() {
            if (cluster == null) {
                cluster = connect.get();
            }
            return cluster;
        }

        @Override
        public synchronized void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
