package dev.svcalias.dns;

import java.util.List;

/**
 * What a server answered: the response code name (NOERROR, NXDOMAIN, SERVFAIL, ...; TIMEOUT when nothing came
 * back) and the addresses in the answer section.
 */
public record DnsAnswer(String rcode, List<String> addresses, String error) {
    public static DnsAnswer timeout(String error) {
        return new DnsAnswer("TIMEOUT", List.of(), error);
    }

    public boolean noError() {
        return "NOERROR".equals(rcode);
    }

    public String describe() {
        if (!noError()) {
            return error == null ? rcode : rcode + " (" + error + ")";
        }
        return addresses.isEmpty() ? "NOERROR, no records" : String.join(",", addresses);
    }
}
