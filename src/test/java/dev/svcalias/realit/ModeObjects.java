package dev.svcalias.realit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ClusterState}'s part for the coredns and istio modes: the ExternalName Services in svcalias's aliases
 * namespace ("service NS/NAME") and the VirtualServices svcalias manages ("virtualservice NS/NAME"), each as its
 * externalName or spec with labels and annotations. The namespace itself is not part of a state: without a
 * controller manager a deleted namespace stays Terminating, so states differ only in what is inside it.
 */
final class ModeObjects {
    static final String NAMESPACE = "svcalias-aliases";
    private static final String API = "networking.istio.io/v1";
    private static final String MANAGED = "app.kubernetes.io/managed-by";

    private ModeObjects() {}

    static void read(KubernetesClient client, Map<String, String> objects) {
        for (Service s : client.services().inNamespace(NAMESPACE).list().getItems()) {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("externalName", s.getSpec().getExternalName());
            kept.put("labels", sorted(s.getMetadata().getLabels()));
            kept.put("annotations", sorted(s.getMetadata().getAnnotations()));
            objects.put("service " + NAMESPACE + "/" + s.getMetadata().getName(),
                    client.getKubernetesSerialization().asJson(kept));
        }
        for (GenericKubernetesResource r : routes(client)) {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("spec", r.getAdditionalProperties().get("spec"));
            kept.put("labels", sorted(r.getMetadata().getLabels()));
            kept.put("annotations", sorted(r.getMetadata().getAnnotations()));
            objects.put("virtualservice " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(),
                    client.getKubernetesSerialization().asJson(kept));
        }
    }

    /** Deletes what is there and creates what the state holds (the test is the only writer). */
    @SuppressWarnings("unchecked")
    static void restore(KubernetesClient client, Map<String, String> objects) {
        client.services().inNamespace(NAMESPACE).list().getItems().forEach(s -> client.services()
                .inNamespace(NAMESPACE).withName(s.getMetadata().getName()).withGracePeriod(0).delete());
        routes(client).forEach(r -> client.genericKubernetesResources(API, "VirtualService")
                .inNamespace(r.getMetadata().getNamespace()).withName(r.getMetadata().getName()).delete());
        for (Map.Entry<String, String> o : objects.entrySet()) {
            String[] kindAndName = o.getKey().split(" ", 2);
            if (!kindAndName[0].equals("service") && !kindAndName[0].equals("virtualservice")) {
                continue;
            }
            String[] nsName = kindAndName[1].split("/", -1);
            Map<String, Object> kept = client.getKubernetesSerialization().unmarshal(o.getValue(), Map.class);
            ObjectMeta meta = new ObjectMeta();
            meta.setNamespace(nsName[0]);
            meta.setName(nsName[1]);
            meta.setLabels((Map<String, String>) kept.get("labels"));
            meta.setAnnotations((Map<String, String>) kept.get("annotations"));
            if (kindAndName[0].equals("service")) {
                if (client.namespaces().withName(NAMESPACE).get() == null) {
                    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                            .addToLabels(MANAGED, "svcalias").endMetadata().build()).create();
                }
                client.services().inNamespace(nsName[0]).resource(new ServiceBuilder().withMetadata(meta)
                        .withNewSpec().withType("ExternalName").withExternalName((String) kept.get("externalName"))
                        .endSpec().build()).create();
            } else {
                GenericKubernetesResource r = new GenericKubernetesResource();
                r.setApiVersion(API);
                r.setKind("VirtualService");
                r.setMetadata(meta);
                r.setAdditionalProperty("spec", kept.get("spec"));
                client.genericKubernetesResources(API, "VirtualService").inNamespace(nsName[0]).resource(r).create();
            }
        }
    }

    private static List<GenericKubernetesResource> routes(KubernetesClient client) {
        try {
            return client.genericKubernetesResources(API, "VirtualService").inAnyNamespace().withLabel(MANAGED,
                    "svcalias").list().getItems();
        } catch (KubernetesClientException notServed) {
            return List.of(); // Istio's VirtualService CRD is not installed
        }
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }
}
