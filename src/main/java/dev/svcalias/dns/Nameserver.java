package dev.svcalias.dns;

/** HOST[:PORT] of a DNS server; port 53 when absent. IPv6 literals go in brackets: [::1]:5353. */
public record Nameserver(String host, int port) {
    public static Nameserver parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty nameserver; expected HOST[:PORT], e.g. 10.96.0.10 or 127.0.0.1:5353");
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(dev.svcalias.error.Echo.quoted(text) + " has no closing ']'; "
                        + "expected [IPv6]:PORT");
            }
            String host = host(text, s.substring(1, close));
            String rest = s.substring(close + 1);
            return new Nameserver(host, rest.isEmpty() ? 53 : port(text, rest.substring(1)));
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            return new Nameserver(host(text, s.substring(0, colon)), port(text, s.substring(colon + 1)));
        }
        return new Nameserver(host(text, s), 53);
    }

    /** An IP literal or a host name; anything else is refused before any lookup (no garbage to the resolver). */
    private static String host(String text, String host) {
        boolean ipv6 = host.contains(":") && host.matches("[0-9a-fA-F:.]+");
        boolean name = host.length() <= 253 && host.matches("(?i)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"
                + "(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\\.?");
        if (!ipv6 && !name) {
            throw new IllegalArgumentException(dev.svcalias.error.Echo.quoted(text) + " is not HOST[:PORT]: '"
                    + dev.svcalias.error.Echo.of(host) + "' is neither an IP address nor a host name");
        }
        return host;
    }

    private static int port(String text, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(dev.svcalias.error.Echo.quoted(text) + " has an invalid port '"
                    + dev.svcalias.error.Echo.of(port) + "', expected 1-65535");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + (port == 53 ? "" : ":" + port);
    }
}
