package dev.svcalias.testing;

import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.AliasServices;
import dev.svcalias.cluster.Cluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The production cluster, with a hook that runs just before each conditional update of an alias's ExternalName
 * Service: another writer's change lands between svcalias's read and its write, as in a real race.
 */
public final class RacingCluster extends ForwardingCluster {
    private final Consumer<String> beforeUpdate;

    public RacingCluster(Cluster real, Consumer<String> beforeUpdate) {
        super(real);
        this.beforeUpdate = beforeUpdate;
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
}
