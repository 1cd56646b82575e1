package dev.svcalias.cluster;

/** Kubeconfig files for tests. */
final class KubeconfigText {
    private KubeconfigText() {
    }

    static String single(String context, String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s-cluster
                  cluster:
                    server: %2$s
                users:
                - name: %1$s-user
                  user:
                    token: test-token
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s-cluster
                    user: %1$s-user
                current-context: %1$s
                """.formatted(context, server);
    }
}
