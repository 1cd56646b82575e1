package dev.svcalias.testing;

import dev.svcalias.cluster.ConfigMapKeys;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.KeySnapshot;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link InMemoryCluster}'s single ConfigMap keys, with the rules of {@code Fabric8ConfigMapKeys}: writes
 * conditional on the resourceVersion read, a create refused when the ConfigMap appeared, a ConfigMap svcalias
 * created deleted once it holds no data. Calls are named "write configmap ns/name".
 */
final class InMemoryConfigMapKeys implements ConfigMapKeys {
    private record Stored(String resourceVersion, Map<String, String> data, Map<String, String> annotations) {}

    private final Map<String, Stored> maps = new TreeMap<>();
    private final Consumer<String> call;
    private final Supplier<String> nextVersion;
    private final Consumer<String> landed;

    InMemoryConfigMapKeys(Consumer<String> call, Supplier<String> nextVersion, Consumer<String> landed) {
        this.call = call;
        this.nextVersion = nextVersion;
        this.landed = landed;
    }

    /** A ConfigMap someone else made (not created by svcalias). */
    void seed(String namespace, String name, Map<String, String> data) {
        maps.put(namespace + "/" + name, new Stored(nextVersion.get(), new LinkedHashMap<>(data), Map.of()));
    }

    Optional<Map<String, String>> data(String namespace, String name) {
        return Optional.ofNullable(maps.get(namespace + "/" + name)).map(s -> Map.copyOf(s.data()));
    }

    @Override
    public KeySnapshot read(ConfigMapRef ref) {
        Stored s = maps.get(ref.namespace() + "/" + ref.name());
        if (s == null) {
            return KeySnapshot.absent(ref);
        }
        Set<String> others = new HashSet<>(s.data().keySet());
        others.remove(ref.key());
        Map<String, String> ours = new TreeMap<>();
        s.annotations().forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                ours.put(k, v);
            }
        });
        return new KeySnapshot(ref, s.resourceVersion(), Optional.ofNullable(s.data().get(ref.key())), ours, others,
                s.annotations().containsKey(CREATED_ANNOTATION));
    }

    @Override
    public KeySnapshot write(KeySnapshot read, Optional<String> value, Map<String, Optional<String>> annotations) {
        ConfigMapRef ref = read.ref();
        String key = ref.namespace() + "/" + ref.name();
        call.accept("write " + ref);
        Stored current = maps.get(key);
        if (!read.exists() && value.isEmpty()) {
            return read;
        }
        if (read.exists() ? current == null || !current.resourceVersion().equals(read.resourceVersion())
                : current != null) {
            throw new ConflictException(ref.toString(), null);
        }
        Map<String, String> data = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current.data());
        Map<String, String> notes = current == null ? new LinkedHashMap<>(Map.of(CREATED_ANNOTATION, "true"))
                : new LinkedHashMap<>(current.annotations());
        value.ifPresentOrElse(v -> data.put(ref.key(), v), () -> data.remove(ref.key()));
        annotations.forEach((k, v) -> v.ifPresentOrElse(s -> notes.put(k, s), () -> notes.remove(k)));
        if (data.isEmpty() && notes.containsKey(CREATED_ANNOTATION)) {
            maps.remove(key);
        } else {
            maps.put(key, new Stored(nextVersion.get(), data, notes));
        }
        landed.accept("write " + ref);
        return read(ref);
    }
}
