package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void readsWhatTheApiServerSendsWithJacksonsNumberTypes() {
        Object parsed = JsonReader.parse("""
                {"kind":"ConfigMap","metadata":{"name":"coredns","labels":{}},"data":{"Corefile":".:53 {\\n\\terrors\\n}\\n\\u00e9\\"q\\\\"},
                 "n":80,"big":3000000000,"f":1.5,"neg":-2,"t":true,"no":false,"nil":null,"list":[1,"a",[],{}]}
                """);
        assertThat(parsed).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        assertThat(map.keySet()).containsExactly("kind", "metadata", "data", "n", "big", "f", "neg", "t", "no", "nil",
                "list");
        assertThat(((Map<?, ?>) map.get("data")).get("Corefile")).isEqualTo(".:53 {\n\terrors\n}\né\"q\\");
        assertThat(map.get("n")).isEqualTo(80);
        assertThat(map.get("big")).isEqualTo(3000000000L);
        assertThat(map.get("f")).isEqualTo(1.5);
        assertThat(map.get("neg")).isEqualTo(-2);
        assertThat(map.get("t")).isEqualTo(true);
        assertThat(map.get("no")).isEqualTo(false);
        assertThat(map.containsKey("nil")).isTrue();
        assertThat(map.get("nil")).isNull();
        assertThat(map.get("list")).isEqualTo(List.of(1, "a", List.of(), Map.of()));
    }

    @Test
    void writesWhatItReadsBack() {
        String json = "{\"a\":\"x\\n\\t\\\"\\\\\\u0001\",\"b\":[1,2.5,true,null,{}],\"c\":{\"d\":\"é\"}}";
        assertThat(JsonWriter.write(JsonReader.parse(json))).isEqualTo(json);
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("<html><body>login</body></html>", "{\"a\":1", "{\"a\" 1}", "[1,]", "{} x", "",
                "\"unterminated", "{\"a\":tru}", "{\"a\":\"\\x\"}",
                "\"\\u+041\"", "\"\\u-041\"", "\"\\u12\"", "01", "-01", "1.", "-.5", ".5", "1e", "1e+", "-", "1.e3",
                "+1", "[1.5.5]", "1-2")) {
            assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad)
                    .isInstanceOf(JsonReader.MalformedJsonException.class);
        }
    }

    @Test
    void readsNumbersByJsonsGrammar() {
        assertThat(JsonReader.parse("[0,-0,10,-12,0.5,-0.5,1e3,1E-3,2.5e+2,12345678901234567890]")).isEqualTo(List.of(0,
                0, 10, -12, 0.5, -0.5, 1000.0, 0.001, 250.0, new java.math.BigInteger("12345678901234567890")));
        assertThat(JsonReader.parse("\"\\u00E9\\u0041\"")).isEqualTo("éA");
    }

    @Test
    void writesLoneSurrogatesEscapedAndPairsAsTheyAre() {
        assertThat(JsonWriter.write("a\ud800b\udc00\ud83d\ude00")).isEqualTo("\"a\\ud800b\\udc00\ud83d\ude00\"");
        assertThat(JsonReader.parse(JsonWriter.write("x\ud800"))).isEqualTo("x\ud800");
    }

    @Test
    void refusesToWriteNanOrInfinity() {
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)) {
            assertThatThrownBy(() -> JsonWriter.write(List.of(bad))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(JsonWriter.write(List.of(1.5, 2))).isEqualTo("[1.5,2]");
    }

    @Test
    void refusesNestingDeeperThanJacksonDoesInsteadOfOverflowingTheStack() {
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(JsonReader.parse("{\"a\":" + ok.substring(1, ok.length() - 1) + ",\"b\":" + ok.substring(1,
                ok.length() - 1) + "}")).isInstanceOf(Map.class);
        for (String deep : List.of("[".repeat(100_000), "{\"a\":".repeat(100_000),
                "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1))) {
            assertThatThrownBy(() -> JsonReader.parse(deep)).isInstanceOf(JsonReader.MalformedJsonException.class)
                    .hasMessageContaining("nested deeper than 500");
        }
    }
}
