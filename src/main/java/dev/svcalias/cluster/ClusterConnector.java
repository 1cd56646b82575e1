package dev.svcalias.cluster;

/** Builds a {@link Cluster} from kubectl-style connection flags. */
public interface ClusterConnector {
    /**
     * Connects to the cluster a kubeconfig names.
     *
     * @param kubeconfig path or null (then $KUBECONFIG, then ~/.kube/config, then in-cluster config)
     * @param context    context name or null for the current context
     * Fails with exit code 4 and one line when no cluster is configured or reachable.
     */
    Cluster connect(String kubeconfig, String context);
}
