package dev.svcalias.output;

import org.yaml.snakeyaml.DumperOptions;

/** Block-style YAML for results and manifests (snakeyaml), the way kubectl prints them. */
public final class Yaml {
    private Yaml() {}

    public static String write(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        return new org.yaml.snakeyaml.Yaml(options).dump(value);
    }
}
