package dev.svcalias.testing;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.CorefileStore;
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
        return new ForwardingCluster(real) {
            @Override
            public CorefileStore corefiles() {
                return store;
            }
        };
    }
}
