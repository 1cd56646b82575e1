package dev.svcalias.app.alias;

import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.naming.TargetRef;

/** One alias to write: NAME.DOMAIN (= host) pointing at the target Service as it is now. */
public record ResolvedAlias(String name, String domain, String host, TargetRef target, ServiceInfo service,
                        String clusterDomain) {}
