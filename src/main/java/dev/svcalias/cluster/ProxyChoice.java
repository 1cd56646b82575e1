package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The proxy to the API server, chosen as kubectl (Go's net/http) chooses it: the cluster's proxy-url for every
 * request when set; else HTTPS_PROXY (HTTP_PROXY for an http:// server) unless NO_PROXY matches the host, and never
 * for localhost or a loopback address. Only http:// proxies (CONNECT): the JDK's client has no SOCKS.
 *
 * @param selector the JDK client's proxy setting ({@link HttpClient.Builder#NO_PROXY} for a direct connection)
 * @param shown the proxy URL and where it came from, null for a direct connection (for messages)
 */
record ProxyChoice(ProxySelector selector, String shown) {
    static final ProxyChoice DIRECT = new ProxyChoice(HttpClient.Builder.NO_PROXY, null);

    static ProxyChoice of(String proxyUrl, URI server, UnaryOperator<String> env, String cluster) {
        if (proxyUrl != null && !proxyUrl.isBlank()) {
            return proxy(proxyUrl, "proxy-url of cluster \"" + cluster + "\"");
        }
        boolean https = "https".equals(server.getScheme());
        String variable = https ? first(env, "HTTPS_PROXY", "https_proxy") : first(env, "HTTP_PROXY", "http_proxy");
        String noProxy = first(env, "NO_PROXY", "no_proxy");
        if (variable == null || bypassed(server.getHost(), server.getPort(), noProxy == null ? null
                : env.apply(noProxy))) {
            return DIRECT;
        }
        return proxy(env.apply(variable), "$" + variable);
    }

    private static String first(UnaryOperator<String> env, String... names) {
        for (String name : names) {
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                return name;
            }
        }
        return null;
    }

    private static ProxyChoice proxy(String url, String source) {
        URI uri;
        try {
            // Go accepts "host:port" as http://host:port
            uri = URI.create(url.contains("://") ? url : "http://" + url);
        } catch (IllegalArgumentException e) {
            throw bad(url, source, "not a URL (" + e.getMessage() + ")");
        }
        if (!"http".equals(uri.getScheme())) {
            throw bad(url, source, "a " + uri.getScheme() + ":// proxy; svcalias reaches the API server only "
                    + "through an http:// (CONNECT) proxy");
        }
        if (uri.getHost() == null) {
            throw bad(url, source, "a URL without a host");
        }
        if (uri.getUserInfo() != null) {
            throw bad(url.replace(uri.getUserInfo() + "@", ""), source, "a proxy with a user name and password, "
                    + "which svcalias does not send");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String shown = "http://" + uri.getHost() + ":" + port + " (" + source + ")";
        return new ProxyChoice(ProxySelector.of(InetSocketAddress.createUnresolved(uri.getHost(), port)), shown);
    }

    /** Go's httpproxy rules: "*", a domain and its subdomains (with or without a leading dot), an IP, a CIDR. */
    static boolean bypassed(String host, int port, String noProxy) {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        if (name.equals("localhost") || isLoopback(name)) {
            return true;
        }
        if (noProxy == null) {
            return false;
        }
        for (String raw : noProxy.split(",", -1)) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            if (entry.contains("/")) {
                if (inCidr(name, entry)) {
                    return true;
                }
                continue;
            }
            String entryHost = entry;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && !entry.endsWith("]") && entry.indexOf(':') == colon) {
                entryHost = entry.substring(0, colon);
                if (!entry.substring(colon + 1).equals(String.valueOf(port))) {
                    continue;
                }
            }
            entryHost = entryHost.replaceAll("^\\[|\\]$", "");
            String domain = entryHost.startsWith(".") ? entryHost.substring(1) : entryHost;
            if (name.equals(domain) || name.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String host) {
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false; // a name: not resolved here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean inCidr(String host, String cidr) {
        try {
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                return false;
            }
            String[] parts = cidr.split("/", -1);
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(host).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (network.length != address.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (java.net.UnknownHostException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static SvcaliasException bad(String url, String source, String why) {
        return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the proxy " + url + " (" + source + ") is " + why,
                "set an http://HOST:PORT proxy, or unset it to connect directly");
    }
}
