package dev.svcalias.app.write;

import dev.svcalias.cluster.AliasServices;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConfigMapKeys;
import dev.svcalias.cluster.CorefileStore;
import dev.svcalias.cluster.DnsOperator;
import dev.svcalias.cluster.HelmChartConfigs;
import dev.svcalias.cluster.Inventory;
import dev.svcalias.cluster.ProbePods;
import dev.svcalias.cluster.ServiceEntries;
import dev.svcalias.cluster.Services;
import dev.svcalias.cluster.VirtualServices;

/**
 * The write seam: the cluster with every write of the kinds svcalias changes (Corefiles, ServiceEntries,
 * ExternalName alias Services and their namespace, VirtualServices, ConfigMap keys, OpenShift's DNS servers, RKE2's
 * chart values) read
 * back after a lost answer ({@link LostAnswers}), whichever adapter talks to the API server. Reads pass through.
 * {@link PlanApplier} writes, and undoes, through it, so every command that changes the cluster gets it.
 */
final class LostAnswerCluster implements Cluster {
    private final Cluster cluster;

    private LostAnswerCluster(Cluster cluster) {
        this.cluster = cluster;
    }

    static Cluster of(Cluster cluster) {
        return cluster instanceof LostAnswerCluster ? cluster : new LostAnswerCluster(cluster);
    }

    @Override
    public CorefileStore corefiles() {
        return new LostAnswerCorefiles(cluster.corefiles());
    }

    @Override
    public Services services() {
        return cluster.services();
    }

    @Override
    public ServiceEntries serviceEntries() {
        return new LostAnswerServiceEntries(cluster.serviceEntries());
    }

    @Override
    public AliasServices aliasServices() {
        return new LostAnswerAliasServices(cluster.aliasServices());
    }

    @Override
    public VirtualServices virtualServices() {
        return new LostAnswerVirtualServices(cluster.virtualServices());
    }

    @Override
    public ProbePods probePods() {
        return cluster.probePods();
    }

    @Override
    public Inventory inventory() {
        return cluster.inventory();
    }

    @Override
    public ConfigMapKeys configMapKeys() {
        return new LostAnswerConfigMapKeys(cluster.configMapKeys());
    }

    @Override
    public DnsOperator dnsOperator() {
        return new LostAnswerDnsOperator(cluster.dnsOperator());
    }

    @Override
    public HelmChartConfigs helmChartConfigs() {
        return new LostAnswerHelmChartConfigs(cluster.helmChartConfigs());
    }

    @Override
    public String describe() {
        return cluster.describe();
    }

    /** The caller owns the wrapped cluster and closes it. */
    @Override
    public void close() {}
}
