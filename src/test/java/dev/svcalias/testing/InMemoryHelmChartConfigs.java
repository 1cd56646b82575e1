package dev.svcalias.testing;

import dev.svcalias.cluster.ConfigMapKeys;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.HelmChartConfigs;
import dev.svcalias.cluster.HelmValuesSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link InMemoryCluster}'s HelmChartConfigs with the rules of {@code Fabric8HelmChartConfigs} that svcalias relies
 * on: writes conditional on the resourceVersion read, a create refused when the object appeared, an object svcalias
 * created deleted once its valuesContent is gone. Calls are named "write helmchartconfig ns/name".
 */
final class InMemoryHelmChartConfigs implements HelmChartConfigs {
    private record Stored(String resourceVersion, Optional<String> values, Map<String, String> annotations) {}

    private final Map<String, Stored> configs = new TreeMap<>();
    private final Consumer<String> call;
    private final Supplier<String> nextVersion;
    private final Consumer<String> landed;

    InMemoryHelmChartConfigs(Consumer<String> call, Supplier<String> nextVersion, Consumer<String> landed) {
        this.call = call;
        this.nextVersion = nextVersion;
        this.landed = landed;
    }

    @Override
    public HelmValuesSnapshot read(String namespace, String name) {
        Stored s = configs.get(namespace + "/" + name);
        if (s == null) {
            return HelmValuesSnapshot.absent(namespace, name);
        }
        Map<String, String> ours = new TreeMap<>(s.annotations());
        ours.remove(ConfigMapKeys.CREATED_ANNOTATION);
        return new HelmValuesSnapshot(namespace, name, s.resourceVersion(), s.values(), ours,
                s.annotations().containsKey(ConfigMapKeys.CREATED_ANNOTATION), Map.of(), Map.of(), Set.of(), false);
    }

    @Override
    public HelmValuesSnapshot write(HelmValuesSnapshot read, Optional<String> valuesContent,
                                    Map<String, Optional<String>> annotations) {
        String key = read.namespace() + "/" + read.name();
        call.accept("write " + read.ref());
        Stored current = configs.get(key);
        if (read.exists() ? current == null || !current.resourceVersion().equals(read.resourceVersion())
                : current != null) {
            throw new ConflictException(read.ref(), null);
        }
        Map<String, String> notes = current == null
                ? new LinkedHashMap<>(Map.of(ConfigMapKeys.CREATED_ANNOTATION, "true"))
                : new LinkedHashMap<>(current.annotations());
        annotations.forEach((k, v) -> v.ifPresentOrElse(s -> notes.put(k, s), () -> notes.remove(k)));
        if (valuesContent.isEmpty() && notes.containsKey(ConfigMapKeys.CREATED_ANNOTATION)) {
            configs.remove(key);
        } else {
            configs.put(key, new Stored(nextVersion.get(), valuesContent, notes));
        }
        landed.accept("write " + read.ref());
        return read(read.namespace(), read.name());
    }
}
