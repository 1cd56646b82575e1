package dev.svcalias.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/** The fabric8 client behind the narrow interfaces. */
final class Fabric8Cluster implements Cluster {
    private final KubernetesClient client;
    private final String description;
    private final CorefileStore corefiles;
    private final Services services;
    private final ServiceEntries serviceEntries;
    private final ProbePods probePods;
    private final Inventory inventory;
    private final ConfigMapKeys configMapKeys;
    private final DnsOperator dnsOperator;
    private final HelmChartConfigs helmChartConfigs;
    private final AliasServices aliasServices;
    private final VirtualServices virtualServices;
    private final Runnable afterClose;

    /**
     * @param server the server (and proxy) as messages name it
     * @param afterClose runs after the client closed (stops the JDK HTTP clients' threads: a faster exit)
     */
    Fabric8Cluster(KubernetesClient client, String description, String server, Runnable afterClose) {
        this(client, description, server, Duration.ofSeconds(1), afterClose);
    }

    /** @param probePoll how often a probe pod's phase is polled (short in tests) */
    Fabric8Cluster(KubernetesClient client, String description, Duration probePoll) {
        this(client, description, client.getMasterUrl().toString().replaceAll("/$", ""), probePoll, () -> { });
    }

    private Fabric8Cluster(KubernetesClient client, String description, String server, Duration probePoll,
            Runnable afterClose) {
        this.client = client;
        this.description = description;
        this.afterClose = afterClose;
        ApiErrors errors = new ApiErrors(server);
        this.corefiles = new Fabric8CorefileStore(client, errors);
        this.services = new Fabric8Services(client, errors);
        this.serviceEntries = new Fabric8ServiceEntries(client, errors);
        this.probePods = new Fabric8ProbePods(client, errors, probePoll);
        this.inventory = new Fabric8Inventory(client, errors);
        this.configMapKeys = new Fabric8ConfigMapKeys(client, errors);
        this.dnsOperator = new Fabric8DnsOperator(client, errors);
        this.helmChartConfigs = new Fabric8HelmChartConfigs(client, errors);
        this.aliasServices = new Fabric8AliasServices(client, errors);
        this.virtualServices = new Fabric8VirtualServices(client, errors);
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
    public ConfigMapKeys configMapKeys() {
        return configMapKeys;
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
        client.close();
        afterClose.run();
    }
}
