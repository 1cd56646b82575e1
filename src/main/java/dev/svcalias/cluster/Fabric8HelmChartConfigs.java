package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link HelmChartConfigs} as a generic resource (helm-controller's model is not on the classpath): GET, then a
 * PUT at the resourceVersion read, a POST when nothing was read, a DELETE preconditioned on the resourceVersion.
 * Only {@code spec.valuesContent} and svcalias.dev/ annotations change; every other field goes back as read.
 */
final class Fabric8HelmChartConfigs implements HelmChartConfigs {
    static final ResourceDefinitionContext HELM_CHART_CONFIG = new ResourceDefinitionContext.Builder()
            .withGroup("helm.cattle.io").withVersion("v1").withKind("HelmChartConfig").withPlural("helmchartconfigs")
            .withNamespaced(true).build();
    private final KubernetesClient client;
    private final ApiErrors errors;

    Fabric8HelmChartConfigs(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public HelmValuesSnapshot read(String namespace, String name) {
        GenericKubernetesResource r = get(namespace, name);
        return r == null ? HelmValuesSnapshot.absent(namespace, name) : snapshot(r);
    }

    @Override
    public HelmValuesSnapshot write(HelmValuesSnapshot read, Optional<String> valuesContent,
                                    Map<String, Optional<String>> annotations) {
        if (!read.exists()) {
            return valuesContent.isEmpty() ? read : create(read, valuesContent.get(), annotations);
        }
        GenericKubernetesResource r = get(read.namespace(), read.name());
        if (r == null || !read.resourceVersion().equals(r.getMetadata().getResourceVersion())) {
            throw new ConflictException(read.ref(), null);
        }
        Map<String, Object> spec = spec(r);
        valuesContent.ifPresentOrElse(v -> spec.put("valuesContent", v), () -> spec.remove("valuesContent"));
        Map<String, String> notes = r.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(r.getMetadata().getAnnotations());
        annotate(notes, annotations);
        if (spec.isEmpty() && notes.containsKey(ConfigMapKeys.CREATED_ANNOTATION) && onlySvcalias(notes)) {
            delete(read);
            return HelmValuesSnapshot.absent(read.namespace(), read.name());
        }
        r.getAdditionalProperties().put("spec", spec);
        r.getMetadata().setAnnotations(notes.isEmpty() && r.getMetadata().getAnnotations() == null ? null : notes);
        r.getMetadata().setResourceVersion(read.resourceVersion());
        try {
            return snapshot(client.genericKubernetesResources(HELM_CHART_CONFIG).inNamespace(read.namespace())
                    .resource(r).update());
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e) || e.getCode() == 409) {
                throw new ConflictException(read.ref(), e);
            }
            throw errors.translate("update " + read.ref(), e);
        }
    }

    private HelmValuesSnapshot create(HelmValuesSnapshot read, String valuesContent,
                                      Map<String, Optional<String>> annotations) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(ConfigMapKeys.CREATED_ANNOTATION, "true");
        annotate(notes, annotations);
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion("helm.cattle.io/v1");
        r.setKind("HelmChartConfig");
        r.setMetadata(new ObjectMetaBuilder().withName(read.name()).withNamespace(read.namespace())
                .addToLabels("app.kubernetes.io/managed-by", "svcalias").withAnnotations(notes).build());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("valuesContent", valuesContent);
        r.getAdditionalProperties().put("spec", spec);
        try {
            return snapshot(client.genericKubernetesResources(HELM_CHART_CONFIG).inNamespace(read.namespace())
                    .resource(r).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) { // created by someone else since we read it
                throw new ConflictException(read.ref(), e);
            }
            throw errors.translate("create " + read.ref(), e);
        }
    }

    private void delete(HelmValuesSnapshot read) {
        try {
            client.genericKubernetesResources(HELM_CHART_CONFIG).inNamespace(read.namespace()).withName(read.name())
                    .lockResourceVersion(read.resourceVersion()).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || ApiErrors.isNotFound(e)) {
                throw new ConflictException(read.ref(), e);
            }
            throw errors.translate("delete " + read.ref(), e);
        }
    }

    private GenericKubernetesResource get(String namespace, String name) {
        return errors.call("get helmchartconfig " + namespace + "/" + name, () -> client
                .genericKubernetesResources(HELM_CHART_CONFIG).inNamespace(namespace).withName(name).get());
    }

    private static void annotate(Map<String, String> notes, Map<String, Optional<String>> changes) {
        changes.forEach((k, v) -> {
            if (!k.startsWith(ConfigMapKeys.PREFIX)) {
                throw new IllegalArgumentException("svcalias only writes its own annotations, not " + k);
            }
            v.ifPresentOrElse(s -> notes.put(k, s), () -> notes.remove(k));
        });
    }

    private static boolean onlySvcalias(Map<String, String> notes) {
        return notes.keySet().stream().allMatch(k -> k.startsWith(ConfigMapKeys.PREFIX)
                || k.equals("kubectl.kubernetes.io/last-applied-configuration"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        return r.getAdditionalProperties().get("spec") instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }

    private static HelmValuesSnapshot snapshot(GenericKubernetesResource r) {
        Map<String, Object> spec = spec(r);
        Map<String, String> all = r.getMetadata().getAnnotations() == null ? Map.of()
                : r.getMetadata().getAnnotations();
        Map<String, String> ours = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!k.startsWith(ConfigMapKeys.PREFIX)) {
                others.put(k, v);
            } else if (!k.equals(ConfigMapKeys.CREATED_ANNOTATION)) {
                ours.put(k, v);
            }
        });
        Set<String> structured = spec.get("values") instanceof Map<?, ?> m
                ? Set.copyOf(m.keySet().stream().map(String::valueOf).toList()) : Set.of();
        boolean secrets = spec.get("valuesSecrets") instanceof List<?> l && !l.isEmpty();
        return new HelmValuesSnapshot(r.getMetadata().getNamespace(), r.getMetadata().getName(),
                r.getMetadata().getResourceVersion(), Optional.ofNullable(spec.get("valuesContent"))
                .map(String::valueOf), ours, all.containsKey(ConfigMapKeys.CREATED_ANNOTATION),
                r.getMetadata().getLabels() == null ? Map.of() : r.getMetadata().getLabels(), others, structured,
                secrets);
    }
}
