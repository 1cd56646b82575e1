package dev.svcalias.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * One data key of a ConfigMap, read and conditionally written (coredns-custom's {@code *.server} keys,
 * kube-dns's {@code stubDomains}). Every write is conditional: an update carries the resourceVersion read, a
 * create fails if the ConfigMap appeared meanwhile, a delete is preconditioned on the resourceVersion.
 */
public interface ConfigMapKeys {
    /** svcalias.dev/ annotations a write may set or remove; everything else on the object is kept. */
    String PREFIX = "svcalias.dev/";
    /** On ConfigMaps svcalias created, so that reset deletes only those, and only when nothing else is left. */
    String CREATED_ANNOTATION = "svcalias.dev/created";

    KeySnapshot read(ConfigMapRef ref);

    /**
     * Sets the key ({@code value} present) or removes it (empty), and sets ({@code Optional.of}) or removes
     * ({@code Optional.empty()}) the given svcalias.dev/ annotations. A missing ConfigMap is created (labelled
     * managed-by svcalias, annotated {@link #CREATED_ANNOTATION}); a ConfigMap svcalias created that would be left
     * with no data is deleted. Throws {@link ConflictException} when the object changed since {@code read}.
     */
    KeySnapshot write(KeySnapshot read, Optional<String> value, Map<String, Optional<String>> annotations);
}
