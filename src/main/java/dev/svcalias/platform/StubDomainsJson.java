package dev.svcalias.platform;

import dev.svcalias.error.SvcaliasException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-dns's {@code stubDomains} value (a JSON object: domain to a list of DNS server IPs), edited as text so every
 * byte outside svcalias's entry stays as the user wrote it. An entry is added after the last member (or inside
 * an empty object) as {@code , "zone": ["ip"]}; removal cuts exactly that span back out, so
 * {@code remove(add(x)) == x}. Replacing an entry replaces only its value.
 */
public final class StubDomainsJson {
    private StubDomainsJson() {}

    /** The entries, in order; throws a usage error naming the offset when the text is not such a JSON object. */
    public static Map<String, List<String>> entries(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonMembers.Member m : JsonMembers.parse(text)) {
            out.put(m.key(), m.values());
        }
        return out;
    }

    /** The value with {@code zone -> ips} (new text when absent); the same text when the entry is already so. */
    public static String put(Optional<String> current, String zone, List<String> ips) {
        String value = render(ips);
        if (current.isEmpty() || current.get().isBlank()) {
            return "{\"" + zone + "\": " + value + "}";
        }
        String text = current.get();
        List<JsonMembers.Member> members = JsonMembers.parse(text);
        for (JsonMembers.Member m : members) {
            if (m.key().equals(zone)) {
                return m.values().equals(ips) ? text
                        : text.substring(0, m.valueStart()) + value + text.substring(m.end());
            }
        }
        String entry = "\"" + zone + "\": " + value;
        if (members.isEmpty()) {
            int open = text.indexOf('{');
            return text.substring(0, open + 1) + entry + text.substring(open + 1);
        }
        int last = members.get(members.size() - 1).end();
        return text.substring(0, last) + ", " + entry + text.substring(last);
    }

    /** The value without the entry for {@code zone}; the same text when there is none. */
    public static String remove(String text, String zone) {
        List<JsonMembers.Member> members = JsonMembers.parse(text);
        for (int i = 0; i < members.size(); i++) {
            JsonMembers.Member m = members.get(i);
            if (!m.key().equals(zone)) {
                continue;
            }
            if (i > 0) { // cut from the end of the previous member: ", entry" as put() wrote it
                return text.substring(0, members.get(i - 1).end()) + text.substring(m.end());
            }
            int end = m.end();
            if (members.size() > 1) { // first of several: cut "entry, " up to the next member
                end = members.get(1).start();
            }
            return text.substring(0, m.start()) + text.substring(end);
        }
        return text;
    }

    private static String render(List<String> ips) {
        List<String> quoted = new ArrayList<>();
        ips.forEach(ip -> quoted.add("\"" + ip + "\""));
        return "[" + String.join(", ", quoted) + "]";
    }

    static SvcaliasException invalid(String why) {
        return SvcaliasException.state("kube-dns's stubDomains is not a JSON object of domain to IP list (" + why
                + ")", "fix it by hand: kubectl edit configmap -n kube-system kube-dns");
    }
}
