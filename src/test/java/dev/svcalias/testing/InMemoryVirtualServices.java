package dev.svcalias.testing;

import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.VirtualServiceRecord;
import dev.svcalias.cluster.VirtualServices;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link InMemoryCluster}'s VirtualServices: the API server's conditional-write rules, every call named. */
final class InMemoryVirtualServices implements VirtualServices {
    private final Map<String, VirtualServiceRecord> routes = new TreeMap<>();
    private final Consumer<String> call;
    private final Supplier<String> nextVersion;
    private final Consumer<String> landed;

    InMemoryVirtualServices(Consumer<String> call, Supplier<String> nextVersion, Consumer<String> landed) {
        this.call = call;
        this.nextVersion = nextVersion;
        this.landed = landed;
    }

    @Override
    public boolean served() {
        return true;
    }

    @Override
    public List<VirtualServiceRecord> listAll() {
        call.accept("list virtualservices");
        return List.copyOf(routes.values());
    }

    @Override
    @SuppressWarnings("unchecked")
    public VirtualServiceRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        Map<String, Object> meta = (Map<String, Object>) manifest.get("metadata");
        String key = meta.get("namespace") + "/" + meta.get("name");
        call.accept((expectedResourceVersion == null ? "create" : "replace") + " virtualservice " + key);
        VirtualServiceRecord current = routes.get(key);
        if (expectedResourceVersion == null ? current != null
                : current == null || !current.resourceVersion().equals(expectedResourceVersion)) {
            throw new ConflictException("virtualservice " + key, null);
        }
        Map<String, Object> spec = (Map<String, Object>) manifest.get("spec");
        VirtualServiceRecord written = new VirtualServiceRecord((String) meta.get("namespace"),
                (String) meta.get("name"), nextVersion.get(), (List<String>) spec.get("hosts"),
                (Map<String, String>) meta.getOrDefault("labels", Map.of()),
                (Map<String, String>) meta.getOrDefault("annotations", Map.of()), manifest);
        routes.put(key, written);
        landed.accept((expectedResourceVersion == null ? "create" : "replace") + " virtualservice " + key);
        return written;
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        String key = namespace + "/" + name;
        call.accept("delete virtualservice " + key);
        VirtualServiceRecord current = routes.get(key);
        if (current != null && expectedResourceVersion != null
                && !current.resourceVersion().equals(expectedResourceVersion)) {
            throw new ConflictException("virtualservice " + key, null);
        }
        routes.remove(key);
        landed.accept("delete virtualservice " + key);
    }

    /** Someone else's edit: the same object with another spec and a new resourceVersion. */
    void replaceSpec(String key, Map<String, Object> spec) {
        VirtualServiceRecord r = routes.get(key);
        Map<String, Object> manifest = new java.util.LinkedHashMap<>(r.manifest());
        manifest.put("spec", spec);
        routes.put(key, new VirtualServiceRecord(r.namespace(), r.name(), nextVersion.get(), r.hosts(), r.labels(),
                r.annotations(), manifest));
    }

    Map<String, VirtualServiceRecord> all() {
        return routes;
    }
}
