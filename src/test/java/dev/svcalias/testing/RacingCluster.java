package dev.svcalias.testing;

import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.AliasServices;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConfigMapKeys;
import dev.svcalias.cluster.CorefileStore;
import dev.svcalias.cluster.DnsOperator;
import dev.svcalias.cluster.Inventory;
import dev.svcalias.cluster.ProbePods;
import dev.svcalias.cluster.ServiceEntries;
import dev.svcalias.cluster.Services;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The production cluster, with a hook that runs just before each conditional update of an alias's ExternalName
 * Service: another writer's change lands between svcalias's read and its write, as in a real race.
 */
public final class RacingCluster implements Cluster {
    private final Cluster real;
    private final Consumer<String> beforeUpdate;

    public RacingCluster(Cluster real, Consumer<String> beforeUpdate) {
        this.real = real;
        this.beforeUpdate = beforeUpdate;
    }

    @Override
    public dev.svcalias.cluster.VirtualServices virtualServices() {
        return real.virtualServices();
    }

    @Override
    public AliasServices aliasServices() {
        AliasServices services = real.aliasServices();
        return new AliasServices() {
            @Override
            public List<AliasService> list(String namespace) {
                return services.list(namespace);
            }

            @Override
            public AliasService apply(AliasService service, String expectedResourceVersion) {
                if (expectedResourceVersion != null) {
                    beforeUpdate.accept(service.name());
                }
                return services.apply(service, expectedResourceVersion);
            }

            @Override
            public void delete(String namespace, String name, String expectedResourceVersion) {
                services.delete(namespace, name, expectedResourceVersion);
            }

            @Override
            public Optional<Map<String, String>> namespaceLabels(String namespace) {
                return services.namespaceLabels(namespace);
            }

            @Override
            public void createNamespace(String namespace, Map<String, String> labels) {
                services.createNamespace(namespace, labels);
            }

            @Override
            public void deleteNamespace(String namespace) {
                services.deleteNamespace(namespace);
            }
        };
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
