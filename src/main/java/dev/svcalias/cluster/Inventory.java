package dev.svcalias.cluster;

import java.util.List;
import java.util.Optional;

/** Read-only look-ups for platform detection: named objects, nodes and API discovery. */
public interface Inventory {
    /** A ConfigMap, Deployment or DaemonSet by name; empty when it does not exist. */
    Optional<ObjectFacts> get(String kind, String namespace, String name);

    List<NodeFacts> nodes();

    /** Whether API discovery lists {@code plural.group/version}, e.g. "dnses.operator.openshift.io/v1". */
    boolean serves(String resource);
}
