package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin history `check --coredns-version` and the edits use agrees with plugin.cfg of each release the
 * testbed builds (src/test/resources/coredns-plugins/VERSION.txt, the names read from plugin.cfg at that tag).
 */
class PluginListsTest {
    @ParameterizedTest
    @ValueSource(strings = {"1.1.2", "1.6.2", "1.14.7"})
    void theHistoryGivesExactlyTheReleasesPluginCfg(String release) throws IOException {
        Set<String> cfg;
        try (InputStream in = getClass().getResourceAsStream("/coredns-plugins/" + release + ".txt")) {
            cfg = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).collect(Collectors.toSet());
        }
        CoreDnsVersion v = CoreDnsVersion.parse(release);
        Set<String> history = PluginHistory.names().stream()
                .filter(p -> PluginHistory.of(p).orElseThrow().existsIn(v)).collect(Collectors.toSet());
        assertThat(history).as("plugins CoreDNS " + release + " ships").isEqualTo(cfg);
    }
}
