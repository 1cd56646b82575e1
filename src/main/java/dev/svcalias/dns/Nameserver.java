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
                throw new IllegalArgumentException("'" + text + "' has no closing ']'; expected [IPv6]:PORT");
            }
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            return new Nameserver(host, rest.isEmpty() ? 53 : port(text, rest.substring(1)));
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            return new Nameserver(s.substring(0, colon), port(text, s.substring(colon + 1)));
        }
        return new Nameserver(s, 53);
    }

    private static int port(String text, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has an invalid port '" + port + "'; expected 1-65535");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + (port == 53 ? "" : ":" + port);
    }
}
