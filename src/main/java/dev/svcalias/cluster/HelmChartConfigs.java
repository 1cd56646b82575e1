package dev.svcalias.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * helm-controller's {@code HelmChartConfig} (RKE2, k3s): the values a packaged chart is installed with. svcalias
 * reads and conditionally writes {@code spec.valuesContent} and its own svcalias.dev/ annotations, nothing else.
 */
public interface HelmChartConfigs {
    HelmValuesSnapshot read(String namespace, String name);

    /**
     * Sets {@code spec.valuesContent} ({@code valuesContent} present) or removes it (empty), and sets or removes the
     * given svcalias.dev/ annotations. A missing object is created (labelled managed-by svcalias, annotated
     * {@link ConfigMapKeys#CREATED_ANNOTATION}); one svcalias created that would be left with an empty spec is
     * deleted. Conditional on {@code read}: {@link ConflictException} when the object changed or appeared.
     */
    HelmValuesSnapshot write(HelmValuesSnapshot read, Optional<String> valuesContent,
                             Map<String, Optional<String>> annotations);
}
