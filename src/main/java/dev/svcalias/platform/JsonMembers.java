package dev.svcalias.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * A small scanner for one JSON object whose values are arrays of strings, recording where each member starts and
 * ends so {@link StubDomainsJson} can splice text without re-rendering anything.
 */
final class JsonMembers {
    /** One member: its key, string values, and offsets of the key's quote, the value's '[' and just past ']'. */
    record Member(String key, List<String> values, int start, int valueStart, int end) {}

    private final String text;
    private int pos;

    private JsonMembers(String text) {
        this.text = text;
    }

    static List<Member> parse(String text) {
        return new JsonMembers(text).object();
    }

    private List<Member> object() {
        List<Member> members = new ArrayList<>();
        expect('{');
        if (peek() == '}') {
            pos++;
            end();
            return members;
        }
        while (true) {
            skipSpace();
            int start = pos;
            String key = string();
            expect(':');
            skipSpace();
            int valueStart = pos;
            List<String> values = array();
            members.add(new Member(key, values, start, valueStart, pos));
            char c = peek();
            pos++;
            if (c == '}') {
                end();
                return members;
            }
            if (c != ',') {
                throw StubDomainsJson.invalid("expected ',' or '}' at offset " + (pos - 1));
            }
        }
    }

    private List<String> array() {
        List<String> values = new ArrayList<>();
        expect('[');
        if (peek() == ']') {
            pos++;
            return values;
        }
        while (true) {
            skipSpace();
            values.add(string());
            char c = peek();
            pos++;
            if (c == ']') {
                return values;
            }
            if (c != ',') {
                throw StubDomainsJson.invalid("expected ',' or ']' at offset " + (pos - 1));
            }
        }
    }

    private String string() {
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw StubDomainsJson.invalid("expected a string at offset " + pos);
        }
        StringBuilder sb = new StringBuilder();
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c == '\\' && pos + 1 < text.length()) {
                char e = text.charAt(++pos);
                if (e == 'u' && pos + 4 < text.length()) {
                    sb.append((char) Integer.parseInt(text.substring(pos + 1, pos + 5), 16));
                    pos += 4;
                } else {
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        default -> e;
                    });
                }
            } else {
                sb.append(c);
            }
        }
        throw StubDomainsJson.invalid("unterminated string");
    }

    private void expect(char c) {
        if (peek() != c) {
            throw StubDomainsJson.invalid("expected '" + c + "' at offset " + pos);
        }
        pos++;
    }

    /** The next non-space character, without consuming it. */
    private char peek() {
        skipSpace();
        if (pos >= text.length()) {
            throw StubDomainsJson.invalid("unexpected end");
        }
        return text.charAt(pos);
    }

    private void end() {
        skipSpace();
        if (pos != text.length()) {
            throw StubDomainsJson.invalid("text after the object at offset " + pos);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }
}
