package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ExternalName Services and their namespace through fabric8; writes are create-or-conditional-update. */
final class Fabric8AliasServices implements AliasServices {
    private final KubernetesClient client;
    private final ApiErrors errors;

    Fabric8AliasServices(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public List<AliasService> list(String namespace) {
        List<Service> items = errors.call("list services in " + namespace,
                () -> client.services().inNamespace(namespace).list().getItems());
        return items.stream().map(Fabric8AliasServices::record).toList();
    }

    @Override
    public AliasService apply(AliasService service, String expectedResourceVersion) {
        Service s = new ServiceBuilder().withNewMetadata().withNamespace(service.namespace())
                .withName(service.name()).withLabels(service.labels()).withAnnotations(service.annotations())
                .withResourceVersion(expectedResourceVersion).endMetadata()
                .withNewSpec().withType("ExternalName").withExternalName(service.externalName()).endSpec().build();
        String what = (expectedResourceVersion == null ? "create" : "update") + " service " + service.namespace()
                + "/" + service.name();
        // 409 (exists already, or changed since read) becomes a ConflictException
        return record(errors.call(what, () -> expectedResourceVersion == null
                ? client.services().inNamespace(service.namespace()).resource(s).create()
                : client.services().inNamespace(service.namespace()).resource(s).update()));
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        errors.call("delete service " + namespace + "/" + name, () -> {
            var resource = client.services().inNamespace(namespace).withName(name);
            return expectedResourceVersion == null ? resource.delete()
                    : resource.lockResourceVersion(expectedResourceVersion).delete();
        });
    }

    @Override
    public Optional<Map<String, String>> namespaceLabels(String namespace) {
        Namespace ns = errors.call("get namespace " + namespace, () -> client.namespaces().withName(namespace).get());
        if (ns == null) {
            return Optional.empty();
        }
        Map<String, String> labels = ns.getMetadata().getLabels();
        return Optional.of(labels == null ? Map.of() : Map.copyOf(labels));
    }

    @Override
    public void createNamespace(String namespace, Map<String, String> labels) {
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(namespace).withLabels(labels).endMetadata()
                .build();
        errors.run("create namespace " + namespace, () -> client.namespaces().resource(ns).create());
    }

    @Override
    public void deleteNamespace(String namespace) {
        errors.call("delete namespace " + namespace, () -> client.namespaces().withName(namespace).delete());
    }

    private static AliasService record(Service s) {
        var m = s.getMetadata();
        String externalName = s.getSpec() == null || !"ExternalName".equals(s.getSpec().getType()) ? null
                : s.getSpec().getExternalName();
        return new AliasService(m.getNamespace(), m.getName(), m.getResourceVersion(), externalName,
                m.getLabels() == null ? Map.of() : Map.copyOf(m.getLabels()),
                m.getAnnotations() == null ? Map.of() : Map.copyOf(m.getAnnotations()));
    }
}
