package dev.svcalias.app.write;

import dev.svcalias.app.write.LostAnswers.Found;
import dev.svcalias.cluster.ConfigMapKeys;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.KeySnapshot;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ConfigMap key writes (coredns-custom's {@code *.server} keys, kube-dns's stubDomains) read back after a lost
 * answer: the key and the svcalias.dev/ annotations as written = done; a ConfigMap svcalias created and emptied
 * is deleted by the write, so its absence is done too.
 */
final class LostAnswerConfigMapKeys implements ConfigMapKeys {
    private final ConfigMapKeys keys;

    LostAnswerConfigMapKeys(ConfigMapKeys keys) {
        this.keys = keys;
    }

    @Override
    public KeySnapshot read(ConfigMapRef ref) {
        return keys.read(ref);
    }

    @Override
    public KeySnapshot write(KeySnapshot read, Optional<String> value, Map<String, Optional<String>> annotations) {
        String target = read.ref() + " (key " + read.ref().key() + ")";
        return LostAnswers.write(target, () -> keys.write(read, value, annotations), () -> {
            KeySnapshot now = keys.read(read.ref());
            boolean deletedAsEmptied = !now.exists() && value.isEmpty() && read.createdBySvcalias();
            if (deletedAsEmptied || (now.exists() && written(now, value, annotations))) {
                return Found.landed(now);
            }
            if (Objects.equals(now.resourceVersion(), read.resourceVersion())) {
                return Found.unchanged();
            }
            return Found.goneOrChanged(!now.exists());
        });
    }

    private static boolean written(KeySnapshot now, Optional<String> value, Map<String, Optional<String>> annotations) {
        return now.value().equals(value) && annotated(now.annotations(), annotations);
    }

    /** Each annotation set (present) or removed (empty) as the write asked. */
    static boolean annotated(Map<String, String> now, Map<String, Optional<String>> annotations) {
        return annotations.entrySet().stream()
                .allMatch(a -> a.getValue().equals(Optional.ofNullable(now.get(a.getKey()))));
    }
}
