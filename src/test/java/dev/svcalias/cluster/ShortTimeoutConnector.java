package dev.svcalias.cluster;

import java.nio.file.Path;
import java.time.Duration;

/** The production connector with other timeouts, for tests that make the API server hang. */
public final class ShortTimeoutConnector {
    private ShortTimeoutConnector() {}

    public static ClusterConnector of(Duration connect, Duration request) {
        return new Fabric8ClusterConnector(System::getenv, Path.of(System.getProperty("user.home")), connect,
                request);
    }
}
