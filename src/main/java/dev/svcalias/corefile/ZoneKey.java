package dev.svcalias.corefile;

import java.util.Locale;

/**
 * A server block key normalised the way CoreDNS compares them: scheme (default dns), lower-case fully
 * qualified zone, port (the scheme's default when absent). "Internal", "internal.", "dns://internal:53" are equal.
 */
public record ZoneKey(String scheme, String zone, int port) {
    static ZoneKey parse(String key) {
        String rest = key;
        String scheme = "dns";
        int sep = rest.indexOf("://");
        if (sep >= 0) {
            scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = rest.substring(sep + 3);
        }
        int port = defaultPort(scheme);
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf(':') == colon && colon + 1 < rest.length()
                && rest.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            port = Integer.parseInt(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        return new ZoneKey(scheme, fqdn(rest), port);
    }

    static String fqdn(String zone) {
        String z = zone.toLowerCase(Locale.ROOT);
        return z.endsWith(".") ? z : z + ".";
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "tls", "quic" -> 853;
            case "grpc", "https", "https3" -> 443;
            default -> 53;
        };
    }

    boolean isRoot() {
        return zone.equals(".") && scheme.equals("dns");
    }
}
