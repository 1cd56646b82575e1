package dev.svcalias.platform;

import dev.svcalias.cluster.NodeFacts;
import dev.svcalias.cluster.ObjectFacts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything detection looks at, read once: the well-known DNS objects ({@link WellKnown}) that exist, the nodes'
 * provider IDs and labels, and which of the probed API resources the server serves.
 */
public record ClusterFacts(List<ObjectFacts> objects, List<NodeFacts> nodes, Set<String> servedResources,
                           Set<String> namespaces) {
    public ClusterFacts {
        objects = List.copyOf(objects);
        nodes = List.copyOf(nodes);
        servedResources = Set.copyOf(servedResources);
        namespaces = Set.copyOf(namespaces);
    }

    public Optional<ObjectFacts> find(String kind, String namespace, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.namespace().equals(namespace)
                && o.name().equals(name)).findFirst();
    }

    public Optional<ObjectFacts> configMap(String namespace, String name) {
        return find(WellKnown.CONFIG_MAP, namespace, name);
    }

    public Optional<ObjectFacts> deployment(String namespace, String name) {
        return find(WellKnown.DEPLOYMENT, namespace, name);
    }

    public Optional<ObjectFacts> daemonSet(String namespace, String name) {
        return find(WellKnown.DAEMON_SET, namespace, name);
    }

    public boolean serves(String resource) {
        return servedResources.contains(resource);
    }

    /** The first node whose providerID starts with {@code scheme} ("azure://"), as evidence. */
    public Optional<Evidence> nodeWithProvider(String scheme) {
        return nodes.stream().filter(n -> n.providerId().startsWith(scheme)).findFirst()
                .map(n -> new Evidence("node " + n.name(), "providerID " + n.providerId()));
    }

    /** The first node with a label under {@code prefix} ("kubernetes.azure.com/"), as evidence. */
    public Optional<Evidence> nodeWithLabelPrefix(String prefix) {
        for (NodeFacts n : nodes) {
            Optional<String> hit = n.labels().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(e -> e.getKey() + "=" + e.getValue()).sorted().findFirst();
            if (hit.isPresent()) {
                return Optional.of(new Evidence("node " + n.name(), "label " + hit.get()));
            }
        }
        return Optional.empty();
    }
}
