package dev.svcalias.app.write;

import dev.svcalias.cluster.VirtualServiceRecord;
import dev.svcalias.cluster.VirtualServices;
import dev.svcalias.plan.Manifests;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** istio mode's VirtualServices, every write read back after a lost answer. */
final class LostAnswerVirtualServices implements VirtualServices {
    private final VirtualServices routes;

    LostAnswerVirtualServices(VirtualServices routes) {
        this.routes = routes;
    }

    @Override
    public boolean served() {
        return routes.served();
    }

    @Override
    public List<VirtualServiceRecord> listAll() {
        return routes.listAll();
    }

    @Override
    public VirtualServiceRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        Map<?, ?> meta = (Map<?, ?>) manifest.get("metadata");
        String namespace = (String) meta.get("namespace");
        String name = (String) meta.get("name");
        return LostAnswers.write(target(namespace, name), () -> routes.apply(manifest, expectedResourceVersion),
                () -> LostAnswers.afterPut(find(namespace, name), r -> written(r, manifest, meta),
                        VirtualServiceRecord::resourceVersion, expectedResourceVersion));
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        LostAnswers.run(target(namespace, name), () -> routes.delete(namespace, name, expectedResourceVersion),
                () -> LostAnswers.afterDelete(find(namespace, name), VirtualServiceRecord::resourceVersion,
                        expectedResourceVersion));
    }

    /** The spec as written, and svcalias's labels among the object's. */
    private static boolean written(VirtualServiceRecord now, Map<String, Object> manifest, Map<?, ?> meta) {
        Object labels = meta.get("labels");
        boolean labelsThere = !(labels instanceof Map<?, ?> wanted) || wanted.entrySet().stream().allMatch(e ->
                Objects.equals(String.valueOf(e.getValue()), now.labels().get(String.valueOf(e.getKey()))));
        return labelsThere && Manifests.same(now.spec(), manifest.get("spec"));
    }

    private Optional<VirtualServiceRecord> find(String namespace, String name) {
        return routes.listAll().stream().filter(r -> r.namespace().equals(namespace) && r.name().equals(name))
                .findFirst();
    }

    private static String target(String namespace, String name) {
        return "virtualservice " + namespace + "/" + name;
    }
}
