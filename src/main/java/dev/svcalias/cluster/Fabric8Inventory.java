package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Inventory} through fabric8: one GET per named object, one node list, one discovery call per group. */
final class Fabric8Inventory implements Inventory {
    private final KubernetesClient client;
    private final ApiErrors errors;

    Fabric8Inventory(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public Optional<ObjectFacts> get(String kind, String namespace, String name) {
        String what = "get " + kind.toLowerCase(java.util.Locale.ROOT) + " " + namespace + "/" + name;
        return switch (kind) {
            case "ConfigMap" -> Optional.ofNullable(errors.call(what, () -> client.configMaps()
                    .inNamespace(namespace).withName(name).get())).map(Fabric8Inventory::facts);
            case "Deployment" -> Optional.ofNullable(errors.call(what, () -> client.apps().deployments()
                    .inNamespace(namespace).withName(name).get())).map(d -> facts(d, d.getSpec() == null ? null
                    : d.getSpec().getTemplate(), d.getSpec() == null ? null : d.getSpec().getReplicas()));
            case "DaemonSet" -> Optional.ofNullable(errors.call(what, () -> client.apps().daemonSets()
                    .inNamespace(namespace).withName(name).get())).map(d -> facts(d, d.getSpec() == null ? null
                    : d.getSpec().getTemplate(), null));
            default -> throw new IllegalArgumentException("unsupported kind " + kind);
        };
    }

    @Override
    public List<NodeFacts> nodes() {
        return errors.call("list nodes", () -> client.nodes().list().getItems()).stream()
                .map(n -> new NodeFacts(n.getMetadata().getName(), n.getSpec() == null || n.getSpec()
                        .getProviderID() == null ? "" : n.getSpec().getProviderID(), orEmpty(n.getMetadata()
                        .getLabels()))).toList();
    }

    @Override
    public boolean serves(String resource) {
        int dot = resource.indexOf('.');
        String plural = resource.substring(0, dot);
        String groupVersion = resource.substring(dot + 1);
        try {
            APIResourceList list = client.getApiResources(groupVersion);
            return list != null && list.getResources().stream().map(APIResource::getName).anyMatch(plural::equals);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false; // the group/version is not served at all
            }
            throw errors.translate("get API discovery of " + groupVersion, e);
        }
    }

    private static ObjectFacts facts(ConfigMap cm) {
        return new ObjectFacts("ConfigMap", cm.getMetadata().getNamespace(), cm.getMetadata().getName(),
                orEmpty(cm.getMetadata().getLabels()), orEmpty(cm.getMetadata().getAnnotations()),
                orEmpty(cm.getData()), List.of(), managers(cm));
    }

    private static ObjectFacts facts(HasMetadata o, PodTemplateSpec template, Integer replicas) {
        List<ObjectFacts.Container> containers = new ArrayList<>();
        if (template != null && template.getSpec() != null && template.getSpec().getContainers() != null) {
            for (Container c : template.getSpec().getContainers()) {
                containers.add(new ObjectFacts.Container(c.getName(), c.getImage() == null ? "" : c.getImage()));
            }
        }
        Map<String, String> data = replicas == null ? Map.of() : Map.of("replicas", replicas.toString());
        return new ObjectFacts(o instanceof Deployment ? "Deployment" : o instanceof DaemonSet ? "DaemonSet"
                : o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName(),
                orEmpty(o.getMetadata().getLabels()), orEmpty(o.getMetadata().getAnnotations()), data, containers,
                managers(o));
    }

    private static List<String> managers(HasMetadata o) {
        List<ManagedFieldsEntry> fields = o.getMetadata().getManagedFields();
        return fields == null ? List.of() : fields.stream().map(ManagedFieldsEntry::getManager)
                .filter(m -> m != null).distinct().toList();
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
