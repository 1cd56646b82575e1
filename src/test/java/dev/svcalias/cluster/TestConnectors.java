package dev.svcalias.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The production connector with a given environment, service-account directory and exec plugin timeout. */
public final class TestConnectors {
    private TestConnectors() {}

    /** @param env the whole environment the connector sees (KUBECONFIG, HTTPS_PROXY, KUBERNETES_SERVICE_HOST...) */
    public static ClusterConnector of(Map<String, String> env, Path serviceAccountDir, Duration execTimeout) {
        return new Fabric8ClusterConnector(env::get, Path.of("/nonexistent-home"), Duration.ofSeconds(5),
                Duration.ofSeconds(20), new Logins(env::get, serviceAccountDir, execTimeout, Clock.systemUTC()));
    }
}
