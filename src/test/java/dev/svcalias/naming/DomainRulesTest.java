package dev.svcalias.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"internal", "internal.", "svc.example", "a-b.c1"})
    void acceptsValidZones(String zone) {
        assertThat(DomainRules.validateZone(zone, "cluster.local")).doesNotEndWith(".");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ".|root zone",
            "Internal|upper-case",
            "cluster.local|cluster domain",
            "foo.cluster.local|cluster domain",
            "local|contains the cluster domain",
            "10.in-addr.arpa|reverse",
            "ip6.arpa|reverse",
            "-bad|not a valid DNS name",
            "a..b|not a valid DNS name",
            "under_score|not a valid DNS name"})
    void refusesWithAReason(String zone, String reason) {
        assertThatThrownBy(() -> DomainRules.validateZone(zone, "cluster.local"))
                .isInstanceOf(SvcaliasException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((SvcaliasException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @ParameterizedTest
    @CsvSource({"my-fruits,my-fruits.internal", "v1.fruits,v1.fruits.internal", "my-fruits.internal,my-fruits.internal"})
    void aliasHosts(String name, String host) {
        assertThat(DomainRules.aliasHost(name, "internal")).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"My-Fruits", "my_fruits", "", "x-"})
    void refusesBadAliasNames(String name) {
        assertThatThrownBy(() -> DomainRules.aliasHost(name, "internal")).isInstanceOf(SvcaliasException.class);
    }
}
