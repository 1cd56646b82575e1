package dev.svcalias.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * svcalias's connector: the same checks and messages as {@link Fabric8ClusterConnector}, then, when the kubeconfig
 * is one file with a plain server, CA, client certificate or token, a {@link RestCluster} (no fabric8 client set-up
 * before the first request); for anything else (exec or auth-provider plugins, proxies, several files, in-cluster)
 * the fabric8 connection itself.
 */
public final class RestClusterConnector implements ClusterConnector {
    private final Fabric8ClusterConnector fabric8;

    public RestClusterConnector() {
        this(new Fabric8ClusterConnector());
    }

    /** For tests: fabric8's connector with another environment, home or timeouts. */
    RestClusterConnector(Fabric8ClusterConnector fabric8) {
        this.fabric8 = fabric8;
    }

    @Override
    public Cluster connect(String kubeconfig, String context) {
        List<Path> files = fabric8.check(kubeconfig, context);
        Optional<RestTarget> target = files.size() == 1 ? RestTarget.read(files.get(0), context, fabric8.env())
                : Optional.empty();
        if (target.isEmpty()) {
            return fabric8.connect(kubeconfig, context);
        }
        KubeRest rest = new KubeRest(target.get(), fabric8.connectTimeout(), fabric8.requestTimeout(),
                Fabric8ClusterConnector.userAgent());
        return new RestCluster(rest, "context " + target.get().context() + " (" + rest.server() + ")",
                () -> fabric8.connect(kubeconfig, context));
    }
}
