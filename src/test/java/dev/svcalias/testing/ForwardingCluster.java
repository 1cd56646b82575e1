package dev.svcalias.testing;

import dev.svcalias.cluster.AliasServices;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConfigMapKeys;
import dev.svcalias.cluster.CorefileStore;
import dev.svcalias.cluster.DnsOperator;
import dev.svcalias.cluster.Inventory;
import dev.svcalias.cluster.ProbePods;
import dev.svcalias.cluster.ServiceEntries;
import dev.svcalias.cluster.Services;
import dev.svcalias.cluster.VirtualServices;

/**
 * A cluster that hands every call to another one: the base of the test clusters that intercept one part (a
 * write about to happen, a race) and leave the rest to the production cluster ({@link RacingCluster},
 * {@link InterceptingConnector}). Subclasses override the part they intercept.
 */
public class ForwardingCluster implements Cluster {
    protected final Cluster real;

    public ForwardingCluster(Cluster real) {
        this.real = real;
    }

    @Override
    public CorefileStore corefiles() {
        return real.corefiles();
    }

    @Override
    public Services services() {
        return real.services();
    }

    @Override
    public ServiceEntries serviceEntries() {
        return real.serviceEntries();
    }

    @Override
    public AliasServices aliasServices() {
        return real.aliasServices();
    }

    @Override
    public VirtualServices virtualServices() {
        return real.virtualServices();
    }

    @Override
    public ProbePods probePods() {
        return real.probePods();
    }

    @Override
    public Inventory inventory() {
        return real.inventory();
    }

    @Override
    public ConfigMapKeys configMapKeys() {
        return real.configMapKeys();
    }

    @Override
    public DnsOperator dnsOperator() {
        return real.dnsOperator();
    }

    @Override
    public dev.svcalias.cluster.HelmChartConfigs helmChartConfigs() {
        return real.helmChartConfigs();
    }

    @Override
    public String describe() {
        return real.describe();
    }

    @Override
    public void close() {
        real.close();
    }
}
