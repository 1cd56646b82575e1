package dev.svcalias.app.write;

import dev.svcalias.app.write.LostAnswers.Found;
import dev.svcalias.cluster.HelmChartConfigs;
import dev.svcalias.cluster.HelmValuesSnapshot;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * RKE2's rke2-coredns chart values (a HelmChartConfig) read back after a lost answer, as {@link
 * LostAnswerConfigMapKeys} reads a ConfigMap key: valuesContent and the svcalias.dev/ annotations as written = done;
 * an object svcalias created and emptied is deleted by the write, so its absence is done too.
 */
final class LostAnswerHelmChartConfigs implements HelmChartConfigs {
    private final HelmChartConfigs configs;

    LostAnswerHelmChartConfigs(HelmChartConfigs configs) {
        this.configs = configs;
    }

    @Override
    public HelmValuesSnapshot read(String namespace, String name) {
        return configs.read(namespace, name);
    }

    @Override
    public HelmValuesSnapshot write(HelmValuesSnapshot read, Optional<String> valuesContent,
                                    Map<String, Optional<String>> annotations) {
        return LostAnswers.write(read.ref(), () -> configs.write(read, valuesContent, annotations), () -> {
            HelmValuesSnapshot now = configs.read(read.namespace(), read.name());
            boolean deletedAsEmptied = !now.exists() && valuesContent.isEmpty() && read.createdBySvcalias();
            if (deletedAsEmptied || (now.exists() && now.valuesContent().equals(valuesContent)
                    && LostAnswerConfigMapKeys.annotated(now.annotations(), annotations))) {
                return Found.landed(now);
            }
            if (Objects.equals(now.resourceVersion(), read.resourceVersion())) {
                return Found.unchanged();
            }
            return Found.goneOrChanged(!now.exists());
        });
    }
}
