package dev.svcalias.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void alignsColumnsLikeKubectl() {
        String text = new Table("ALIAS", "ADDRESS").row("my-fruits.internal", "10.103.1.1").row("a.internal", null)
                .render();
        assertThat(text).isEqualTo("""
                ALIAS                ADDRESS
                my-fruits.internal   10.103.1.1
                a.internal           <none>
                """);
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("A", "B").row("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonEscapesAndNests() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a\"b\\c\n");
        m.put("list", List.of(1, true));
        m.put("empty", List.of());
        assertThat(Json.write(m)).isEqualTo("""
                {
                  "name": "a\\"b\\\\c\\n",
                  "list": [
                    1,
                    true
                  ],
                  "empty": []
                }
                """);
    }

    @Test
    void yamlIsBlockStyle() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hosts", List.of("my-fruits.internal"));
        assertThat(Yaml.write(m)).isEqualTo("hosts:\n- my-fruits.internal\n");
    }

    @Test
    void plainStyleNeverEmitsEscapes() {
        assertThat(Style.plain().failure("x")).isEqualTo("x");
        assertThat(Style.ansi().failure("x")).contains("\u001b[");
    }
}
