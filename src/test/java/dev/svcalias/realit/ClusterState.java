package dev.svcalias.realit;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What svcalias may change in the testbed, read with the admin client: both Corefiles with their backup
 * annotations, every ServiceEntry svcalias manages (spec, labels, annotations), and the coredns and istio modes'
 * objects ({@link ModeObjects}). Two states are equal when
 * those are; resourceVersions and other server-set fields do not count. A state can be written back, to start the
 * next case from the same place.
 */
record ClusterState(Map<String, String> objects) {
    static final String BACKUP = "svcalias.dev/original-corefile";
    static final List<String> CONFIG_MAPS = List.of("kube-system", "istio-system");
    private static final String API = "networking.istio.io/v1";

    static ClusterState read(KubernetesClient client) {
        Map<String, String> objects = new TreeMap<>();
        for (String ns : CONFIG_MAPS) {
            ConfigMap cm = client.configMaps().inNamespace(ns).withName("coredns").get();
            Map<String, String> annotations = cm.getMetadata().getAnnotations();
            objects.put("configmap " + ns + "/coredns", cm.getData().get("Corefile"));
            objects.put("configmap " + ns + "/coredns backup", annotations == null ? null : annotations.get(BACKUP));
        }
        for (GenericKubernetesResource e : entries(client)) {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("spec", e.getAdditionalProperties().get("spec"));
            kept.put("labels", new TreeMap<>(e.getMetadata().getLabels()));
            kept.put("annotations", e.getMetadata().getAnnotations() == null ? Map.of()
                    : new TreeMap<>(e.getMetadata().getAnnotations()));
            objects.put("serviceentry " + e.getMetadata().getNamespace() + "/" + e.getMetadata().getName(),
                    client.getKubernetesSerialization().asJson(kept));
        }
        ModeObjects.read(client, objects);
        return new ClusterState(objects);
    }

    private static List<GenericKubernetesResource> entries(KubernetesClient client) {
        return client.genericKubernetesResources(API, "ServiceEntry").inAnyNamespace()
                .withLabel("app.kubernetes.io/managed-by", "svcalias").list().getItems();
    }

    /** Makes the cluster hold this state again (unconditional writes: the test is the only writer now). */
    void restore(KubernetesClient client) {
        for (String ns : CONFIG_MAPS) {
            ConfigMap cm = client.configMaps().inNamespace(ns).withName("coredns").get();
            Map<String, String> data = new HashMap<>(cm.getData());
            data.put("Corefile", objects.get("configmap " + ns + "/coredns"));
            cm.setData(data);
            Map<String, String> annotations = cm.getMetadata().getAnnotations() == null ? new HashMap<>()
                    : new HashMap<>(cm.getMetadata().getAnnotations());
            String backup = objects.get("configmap " + ns + "/coredns backup");
            if (backup == null) {
                annotations.remove(BACKUP);
            } else {
                annotations.put(BACKUP, backup);
            }
            cm.getMetadata().setAnnotations(annotations);
            client.configMaps().inNamespace(ns).resource(cm).update();
        }
        for (GenericKubernetesResource e : entries(client)) {
            client.genericKubernetesResources(API, "ServiceEntry").inNamespace(e.getMetadata().getNamespace())
                    .withName(e.getMetadata().getName()).withGracePeriod(0).delete();
        }
        for (Map.Entry<String, String> o : objects.entrySet()) {
            if (o.getKey().startsWith("serviceentry ")) {
                String[] nsName = o.getKey().substring("serviceentry ".length()).split("/", -1);
                @SuppressWarnings("unchecked")
                Map<String, Object> kept = client.getKubernetesSerialization().unmarshal(o.getValue(), Map.class);
                GenericKubernetesResource r = new GenericKubernetesResource();
                r.setApiVersion(API);
                r.setKind("ServiceEntry");
                ObjectMeta meta = new ObjectMeta();
                meta.setNamespace(nsName[0]);
                meta.setName(nsName[1]);
                meta.setLabels(castMap(kept.get("labels")));
                meta.setAnnotations(castMap(kept.get("annotations")));
                r.setMetadata(meta);
                r.setAdditionalProperty("spec", kept.get("spec"));
                client.genericKubernetesResources(API, "ServiceEntry").inNamespace(nsName[0]).resource(r).create();
            }
        }
        ModeObjects.restore(client, objects);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object o) {
        return o == null ? null : new LinkedHashMap<>((Map<String, String>) o);
    }

    /** The objects (by name, the backup annotation counted with its ConfigMap) that differ from {@code other}. */
    List<String> differences(ClusterState other) {
        List<String> names = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(objects.keySet());
        keys.addAll(other.objects.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(objects.get(k), other.objects.get(k))) {
                String name = k.replace(" backup", "");
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
