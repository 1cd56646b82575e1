package dev.svcalias.testing;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.CorefileStore;
import dev.svcalias.cluster.ProbePods;
import dev.svcalias.cluster.ServiceEntries;
import dev.svcalias.cluster.Services;
import java.util.Optional;

/**
 * The production connector, with a hook that runs before each Corefile write: to change the ConfigMap behind
 * svcalias's back (409s) or to make a write fail (rollback). Everything else is untouched.
 */
public final class InterceptingConnector implements ClusterConnector {
    /** Called with the snapshot svcalias read and the text it is about to write. */
    public interface BeforeWrite {
        void run(CorefileSnapshot read, String newCorefile);
    }

    private final ClusterConnector delegate;
    private final BeforeWrite hook;

    public InterceptingConnector(ClusterConnector delegate, BeforeWrite hook) {
        this.delegate = delegate;
        this.hook = hook;
    }

    @Override
    public Cluster connect(String kubeconfig, String context) {
        Cluster real = delegate.connect(kubeconfig, context);
        CorefileStore store = new CorefileStore() {
            @Override
            public Optional<CorefileSnapshot> read(ConfigMapRef ref) {
                return real.corefiles().read(ref);
            }

            @Override
            public CorefileSnapshot write(CorefileSnapshot read, String newCorefile, boolean dropBackup) {
                hook.run(read, newCorefile);
                return real.corefiles().write(read, newCorefile, dropBackup);
            }
        };
        return new Cluster() {
            @Override
            public CorefileStore corefiles() {
                return store;
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
            public dev.svcalias.cluster.AliasServices aliasServices() {
                return real.aliasServices();
            }

            @Override
            public dev.svcalias.cluster.VirtualServices virtualServices() {
                return real.virtualServices();
            }

            @Override
            public ProbePods probePods() {
                return real.probePods();
            }

            @Override
            public dev.svcalias.cluster.Inventory inventory() {
                return real.inventory();
            }

            @Override
            public dev.svcalias.cluster.ConfigMapKeys configMapKeys() {
                return real.configMapKeys();
            }

            @Override
            public dev.svcalias.cluster.DnsOperator dnsOperator() {
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
        };
    }
}
