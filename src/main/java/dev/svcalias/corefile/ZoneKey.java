package dev.svcalias.corefile;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A server block key normalised the way CoreDNS compares them (core/dnsserver register.go, plugin/pkg/parse
 * transport.go): scheme (default dns), lower-case fully qualified zone, port (the scheme's default when absent).
 * "Internal", "internal.", "dns://internal:53" are equal. A key holding an environment placeholder
 * ({$NAME} or {%NAME%}) is only known at CoreDNS's start: {@code placeholder} is then true.
 */
public record ZoneKey(String scheme, String zone, int port, boolean placeholder) {
    /** What strconv.Atoi reads: an optional sign and digits. */
    static final Pattern PORT = Pattern.compile("[+-]?[0-9]+");

    static ZoneKey parse(String key) {
        String rest = key.endsWith(",") ? key.substring(0, key.length() - 1) : key;
        boolean placeholder = rest.contains("{$") || rest.contains("{%");
        String scheme = "dns";
        int sep = rest.indexOf("://");
        if (sep >= 0) {
            scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = rest.substring(sep + 3);
        }
        int port = defaultPort(scheme);
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf(':') == colon) {
            String digits = rest.substring(colon + 1);
            int number = port(digits);
            if (number >= 0) {
                port = number;
                rest = rest.substring(0, colon);
            } else if (digits.contains("{$") || digits.contains("{%")) {
                port = -1; // unknown until CoreDNS expands the placeholder
                rest = rest.substring(0, colon);
            }
        }
        return new ZoneKey(scheme, fqdn(rest), port, placeholder);
    }

    /**
     * The port CoreDNS reads from the text after a key's last colon (Go's strconv.Atoi: an optional sign, then
     * digits, so "+5353" and "05353" are 5353), or -1 when it is no number or no port a socket can have.
     */
    static int port(String digits) {
        if (!PORT.matcher(digits).matches()) {
            return -1;
        }
        long value = Long.parseLong(digits.length() > 12 ? digits.substring(0, 12) : digits);
        return value >= 0 && value <= 65535 ? (int) value : -1;
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

    /** Whether CoreDNS would refuse this key next to a dns:// block for {@code fqdn} on {@code port}. */
    boolean collidesWith(String fqdn, int port) {
        return scheme.equals("dns") && zone.equals(fqdn) && this.port == port;
    }

    /** "dns://internal.:53", the form CoreDNS prints in "cannot serve ... - it is already defined". */
    @Override
    public String toString() {
        return scheme + "://" + zone + ":" + (port < 0 ? "?" : port);
    }
}
