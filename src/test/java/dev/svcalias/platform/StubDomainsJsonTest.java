package dev.svcalias.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.SvcaliasException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** stubDomains edited as text: every byte outside svcalias's entry stays, and remove(put(x)) == x. */
class StubDomainsJsonTest {
    @ParameterizedTest
    @ValueSource(strings = {"{\"acme.local\": [\"1.2.3.4\"]}\n", "{\"abc.com\" : [\"1.2.3.4\"], \"my.cluster.local\" : "
            + "[\"2.3.4.5\"]}\n", "{\n  \"internal2\": [\"10.96.200.10\"]\n}\n", "{}", " { } ", "{\"a\":[]}",
            "{\"we\\\"ird\": [\"1.1.1.1\", \"2.2.2.2\"]}"})
    void putThenRemoveGivesBackTheBytes(String original) {
        String added = StubDomainsJson.put(Optional.of(original), "internal", List.of("10.96.100.53"));
        assertThat(StubDomainsJson.entries(added)).containsEntry("internal", List.of("10.96.100.53"));
        Map<String, List<String>> before = StubDomainsJson.entries(original);
        assertThat(StubDomainsJson.entries(added)).containsAllEntriesOf(before).hasSize(before.size() + 1);
        assertThat(StubDomainsJson.put(Optional.of(added), "internal", List.of("10.96.100.53"))).isSameAs(added);
        assertThat(StubDomainsJson.remove(added, "internal")).isEqualTo(original);
    }

    @Test
    void aNewValueWhenTheKeyIsAbsentAndRepointingReplacesOnlyTheValue() {
        String created = StubDomainsJson.put(Optional.empty(), "internal", List.of("10.96.100.53"));
        assertThat(created).isEqualTo("{\"internal\": [\"10.96.100.53\"]}");
        String text = "{\"acme.local\": [\"1.2.3.4\"],\n \"internal\":   [\"10.0.0.1\"] }";
        assertThat(StubDomainsJson.put(Optional.of(text), "internal", List.of("10.96.100.53")))
                .isEqualTo("{\"acme.local\": [\"1.2.3.4\"],\n \"internal\":   [\"10.96.100.53\"] }");
        assertThat(StubDomainsJson.remove(text, "acme.local")).isEqualTo("{\"internal\":   [\"10.0.0.1\"] }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"8.8.8.8\"]", "{\"a\": \"1.2.3.4\"}", "{\"a\": [1]}", "{\"a\": [\"x\"]} x", "{\"a\""})
    void anythingButAnObjectOfStringListsIsExit5(String bad) {
        assertThatThrownBy(() -> StubDomainsJson.put(Optional.of(bad), "internal", List.of("1.1.1.1")))
                .isInstanceOf(SvcaliasException.class).hasMessageContaining("stubDomains is not a JSON object");
    }
}
