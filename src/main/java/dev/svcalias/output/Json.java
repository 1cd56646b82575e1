package dev.svcalias.output;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** A small JSON writer for the plain maps, lists, strings, numbers and booleans results are made of. */
public final class Json {
    private Json() {}

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object value, int indent) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeEntries(sb, '{', '}', map.entrySet().iterator(), map.isEmpty(), indent, true);
        } else if (value instanceof Collection<?> list) {
            writeEntries(sb, '[', ']', list.iterator(), list.isEmpty(), indent, false);
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else {
            string(sb, value.toString());
        }
    }

    private static void writeEntries(StringBuilder sb, char open, char close, Iterator<?> it, boolean empty,
                                     int indent, boolean keyed) {
        sb.append(open);
        if (empty) {
            sb.append(close);
            return;
        }
        String pad = "  ".repeat(indent + 1);
        while (it.hasNext()) {
            sb.append('\n').append(pad);
            Object item = it.next();
            if (keyed) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
            } else {
                write(sb, item, indent + 1);
            }
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        sb.append('\n').append("  ".repeat(indent)).append(close);
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        string(sb, s);
        return sb.toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
