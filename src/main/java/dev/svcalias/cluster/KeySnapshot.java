package dev.svcalias.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One data key of a ConfigMap as read: {@code ref.key()} names it. {@code resourceVersion} is null when the
 * ConfigMap does not exist (a write then creates it); {@code value} is empty when the key is absent.
 * {@code annotations} are the ConfigMap's svcalias.dev/ annotations (backups, ownership), {@code otherKeys} the
 * other data keys, and {@code createdBySvcalias} whether svcalias created the ConfigMap.
 */
public record KeySnapshot(ConfigMapRef ref, String resourceVersion, Optional<String> value,
                          Map<String, String> annotations, Set<String> otherKeys, boolean createdBySvcalias) {
    public KeySnapshot {
        annotations = Map.copyOf(annotations);
        otherKeys = Set.copyOf(otherKeys);
    }

    public boolean exists() {
        return resourceVersion != null;
    }

    public static KeySnapshot absent(ConfigMapRef ref) {
        return new KeySnapshot(ref, null, Optional.empty(), Map.of(), Set.of(), false);
    }
}
