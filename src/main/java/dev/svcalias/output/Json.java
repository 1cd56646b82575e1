package dev.svcalias.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * -o json through Jackson (the one JSON codec, which fabric8 brings) for the plain maps, lists, strings, numbers
 * and booleans results are made of; any other value prints as its string. Laid out as kubectl lays JSON out: two
 * spaces per level, {@code "key": value}, one element per line, {@code {}} and {@code []} when empty.
 */
public final class Json {
    private static final ObjectWriter WRITER = JsonMapper.shared().writer().with(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.NONE).withArrayElementSpacing(Separators.Spacing.NONE)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {}

    static String write(Object value) {
        return WRITER.writeValueAsString(plain(value)) + "\n";
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return JsonMapper.shared().writeValueAsString(s);
    }

    /** Maps (string keys), lists, numbers, booleans and null as they are; anything else as its string. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        return value == null || value instanceof Number || value instanceof Boolean ? value : value.toString();
    }
}
