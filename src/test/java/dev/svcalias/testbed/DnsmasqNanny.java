package dev.svcalias.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dnsmasq flags kube-dns's dnsmasq-nanny derives from the kube-dns ConfigMap, following its documented
 * behaviour (k8s.io/dns pkg/dnsmasq/nanny.go, Nanny.Configure; k8s.io/dns is not on the module proxy, so this
 * restates the rules instead of running the nanny):
 * <ol>
 *   <li>every server of every {@code stubDomains} entry becomes {@code --server /DOMAIN/SERVER}, in the map's
 *       order and then the list's;</li>
 *   <li>a server written {@code IP:PORT} gets dnsmasq's port separator instead: {@code IP#PORT} (IPv4 with one
 *       colon, or a bracketed IPv6 with the colon after ']');</li>
 *   <li>a server that is a name, not an IP, is resolved by the nanny first (through kubedns for
 *       {@code *.cluster.local}); svcalias writes IPs only, so names are refused here instead;</li>
 *   <li>every {@code upstreamNameservers} entry becomes {@code --server SERVER} (same port rule), and when there
 *       is at least one, {@code --no-resolv} follows so /etc/resolv.conf is not read.</li>
 * </ol>
 * The flags come after the ones in the kube-dns Deployment's dnsmasq container (after "--" in the nanny's args).
 */
public final class DnsmasqNanny {
    private DnsmasqNanny() {}

    public static List<String> flags(Map<String, List<String>> stubDomains, List<String> upstreamNameservers) {
        List<String> args = new ArrayList<>();
        stubDomains.forEach((domain, servers) -> {
            for (String server : servers) {
                if (!server.matches("[0-9.]+(:\\d+)?|\\[?[0-9a-fA-F:]+\\]?(:\\d+)?")) {
                    throw new IllegalArgumentException("stub domain server " + server + " is a name; the nanny "
                            + "would resolve it, svcalias never writes one");
                }
                args.add("--server");
                args.add("/" + domain + "/" + munge(server));
            }
        });
        for (String server : upstreamNameservers) {
            args.add("--server");
            args.add(munge(server));
        }
        if (!upstreamNameservers.isEmpty()) {
            args.add("--no-resolv");
        }
        return args;
    }

    /** "IP:PORT" -> "IP#PORT" (dnsmasq's port separator); bare IPv6 is left alone. */
    static String munge(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return s;
        }
        int bracket = s.indexOf(']');
        boolean v4 = s.chars().filter(c -> c == ':').count() == 1;
        boolean bracketedV6 = bracket >= 0;
        if (v4 || (bracketedV6 && colon > bracket)) {
            return s.substring(0, colon) + "#" + s.substring(colon + 1);
        }
        return s;
    }
}
