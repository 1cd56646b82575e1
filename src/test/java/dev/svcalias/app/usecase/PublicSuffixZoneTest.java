package dev.svcalias.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9, defect 4: a public suffix is never a zone (every lookup under it would go to svcalias's forward). */
class PublicSuffixZoneTest {
    @ParameterizedTest
    @ValueSource(strings = {"com", "co.uk", "dev", "org.", "com.au", "io", "app"})
    void publicSuffixesAreRefused(String zone) {
        assertThatThrownBy(() -> DomainRules.validateZone(zone))
                .isInstanceOf(SvcaliasException.class)
                .hasMessageContaining("public suffix")
                .satisfies(e -> assertThat(((SvcaliasException) e).exitCode()).isEqualTo(ExitCode.USAGE))
                .satisfies(e -> assertThat(((SvcaliasException) e).hint()).contains("internal"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal", "corp.example.com", "svc.example", "mesh", "example.co.uk", "home.lan"})
    void privateZonesAndRegisteredDomainsAreAllowed(String zone) {
        assertThat(DomainRules.validateZone(zone)).isEqualTo(zone);
    }

    @Test
    void theCliRefusesComBeforeReadingAnything() {
        CliRun run = CliRun.runWith(java.util.Map.of(), RecipeCluster.corpus("kubeadm-1.28.corefile"), "corefile",
                "stub-domain", "--domain", "com", "--forward-to", "10.96.100.53");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("public suffix").hasLineCount(1);
    }
}
