package dev.svcalias.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what busybox's (and bind's) nslookup prints for one query, as run inside the verify pod. The server's
 * own "Address:" line comes before the first "Name:" line and is skipped.
 */
public final class NslookupOutput {
    private static final Pattern ADDRESS = Pattern.compile("^Address(?:\\s+\\d+)?:\\s*([0-9a-fA-F:.]+)\\s*$");

    private NslookupOutput() {}

    public static DnsAnswer parse(String output) {
        String upper = output.toUpperCase(java.util.Locale.ROOT);
        for (String rcode : List.of("NXDOMAIN", "SERVFAIL", "REFUSED")) {
            if (upper.contains(rcode)) {
                return new DnsAnswer(rcode, List.of(), null);
            }
        }
        if (upper.contains("TIMED OUT") || upper.contains("NO SERVERS COULD BE REACHED")) {
            return DnsAnswer.timeout("nslookup got no answer");
        }
        List<String> addresses = new ArrayList<>();
        boolean inAnswer = false;
        for (String line : output.split("\\R", -1)) {
            String t = line.trim();
            if (t.startsWith("Name:")) {
                inAnswer = true;
            } else if (inAnswer) {
                Matcher m = ADDRESS.matcher(t);
                if (m.matches()) {
                    addresses.add(m.group(1));
                }
            }
        }
        return new DnsAnswer("NOERROR", List.copyOf(addresses), null);
    }
}
