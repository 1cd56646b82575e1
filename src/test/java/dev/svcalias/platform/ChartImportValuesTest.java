package dev.svcalias.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * rke2-coredns values edited as text: svcalias's import, volume and mount are added as data (checked by parsing),
 * every other value and byte stays, and remove(add(x)) == x.
 */
class ChartImportValuesTest {
    /** Values users put in HelmChartConfigs for rke2-coredns (shapes from public ones, see platforms/SOURCES.md). */
    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "autoscaler:\n  enabled: false\n",
        "nodelocal:\n  enabled: true\n",
        "replicaCount: 1\nautoscaler:\n  min: 1\n# trailing comment\n",
        "servers:\n- zones:\n  - zone: .\n  port: 53\n  plugins:\n  - name: errors\n  - name: forward\n"
            + "    parameters: . /etc/resolv.conf\n",
        "extraVolumes:\n- name: hosts\n  configMap:\n    name: my-hosts\nextraVolumeMounts:\n- name: hosts\n"
            + "  mountPath: /etc/coredns/hosts\nreplicaCount: 2\n",
        "extraVolumes:\n  - name: hosts\n    emptyDir: {}\nextraVolumeMounts:   # ours\n  - name: hosts\n"
            + "    mountPath: /x\n",
        "extraConfig:\n  log:\n    parameters: ''\nresources:\n  limits:\n    memory: 3Gi\n",
        "extraConfig:\n    debug: {}\n"})
    @SuppressWarnings("unchecked")
    void addThenRemoveGivesBackTheBytesAndAddsExactlyTheImport(String original) {
        String added = ChartImportValues.add(original);
        Map<String, Object> values = new Yaml().load(added);
        assertThat(map(map(values.get("extraConfig")).get("import"))).containsEntry("parameters",
                "/etc/coredns/custom/*.server");
        assertThat((List<Object>) values.get("extraVolumes")).contains((Object) Map.of("name", "svcalias-coredns-custom",
                "configMap", Map.of("name", "coredns-custom", "optional", true)));
        assertThat((List<Object>) values.get("extraVolumeMounts")).contains((Object) Map.of("name", "svcalias-coredns-custom",
                "mountPath", "/etc/coredns/custom", "readOnly", true));
        Map<String, Object> before = new Yaml().load(original);
        if (before != null) {
            before.forEach((k, v) -> {
                if (!k.startsWith("extra")) {
                    assertThat(values).containsEntry(k, v);
                }
            });
        }
        assertThat(added).contains(original.isEmpty() ? "" : original.lines().findFirst().orElseThrow());
        assertThat(ChartImportValues.present(added)).isTrue();
        assertThat(ChartImportValues.add(added)).isSameAs(added);
        assertThat(ChartImportValues.remove(added)).isEqualTo(original);
    }

    @Test
    void valuesWithoutAFinalLineBreakKeepTheirTextAndLoseOnlyTheBreakOnRemoval() {
        String original = "autoscaler:\n  enabled: false";
        String added = ChartImportValues.add(original);
        assertThat(added).startsWith(original + "\n# svcalias:begin rke2-coredns-import");
        assertThat(ChartImportValues.remove(added)).isEqualTo(original + "\n");
    }

    @Test
    void refusesWhatItCannotAddLosslessly() {
        assertThatThrownBy(() -> ChartImportValues.add("extraConfig:\n  import:\n    parameters: /opt/*.conf\n"))
                .hasMessageContaining("already set extraConfig.import");
        assertThatThrownBy(() -> ChartImportValues.add("extraVolumes: []\n"))
                .hasMessageContaining("write extraVolumes inline ([])");
        assertThatThrownBy(() -> ChartImportValues.add("a: [\n")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ChartImportValues.add("- a\n")).hasMessageContaining("not a YAML map");
        assertThatThrownBy(() -> ChartImportValues.add("a: 1\na: 2\n")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ChartImportValues.add("  indented: 1\n  doc: 2\n"))
                .hasMessageContaining("without changing other values");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
