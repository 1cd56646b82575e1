package dev.svcalias.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** -o json's layout: kubectl's (two spaces, "key": value, one element per line, {} and [] when empty). */
class JsonTest {
    @Test
    void nestedResultsPrintInKubectlsLayout() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", "my-fruits.internal");
        result.put("port", 80);
        result.put("ready", true);
        result.put("note", null);
        result.put("targets", List.of("a", Map.of("ip", "198.18.0.1")));
        result.put("empty", Map.of());
        result.put("none", new ArrayList<>());
        result.put("kind", Thread.State.NEW);
        result.put("text", "quote \" backslash \\ newline \n tab \t é");
        assertThat(Json.write(result)).isEqualTo("""
                {
                  "name": "my-fruits.internal",
                  "port": 80,
                  "ready": true,
                  "note": null,
                  "targets": [
                    "a",
                    {
                      "ip": "198.18.0.1"
                    }
                  ],
                  "empty": {},
                  "none": [],
                  "kind": "NEW",
                  "text": "quote \\" backslash \\\\ newline \\n tab \\t é"
                }
                """);
    }

    @Test
    void quoteIsAJsonStringLiteral() {
        assertThat(Json.quote("a\"b\nc")).isEqualTo("\"a\\\"b\\nc\"");
    }
}
