package dev.svcalias.testbed;

import java.util.List;

/**
 * The Corefile OpenShift's DNS operator renders into openshift-dns/dns-default from the DNS resource, following
 * its template (openshift/cluster-dns-operator pkg/operator/controller/controller_dns_configmap.go,
 * corefileTemplate) for what svcalias sets and the defaults of everything else: logLevel Normal ("class error"),
 * cache 900 s / 30 s, lameduck 20 s, upstream resolvers /etc/resolv.conf with policy sequential, forward policy
 * Random for servers, no TLS, TCP strategy off, no DNSNameResolver. Port 5353 as the operator's pods listen.
 */
public final class OpenShiftCorefile {
    /** One spec.servers entry as the template reads it. */
    public record Server(String name, List<String> zones, List<String> upstreams) {}

    private OpenShiftCorefile() {}

    public static String render(List<Server> servers, String clusterDomain) {
        StringBuilder sb = new StringBuilder();
        for (Server s : servers) {
            sb.append("# ").append(s.name()).append('\n');
            s.zones().forEach(z -> sb.append(z).append(":5353 "));
            sb.append("{\n");
            sb.append("    prometheus 127.0.0.1:9153\n");
            sb.append("    forward .");
            s.upstreams().forEach(u -> sb.append(' ').append(u));
            sb.append(" {\n        policy random\n    }\n");
            sb.append("    errors\n    log . {\n        class error\n    }\n    bufsize 1232\n");
            sb.append("    cache 900 {\n        denial 9984 30\n    }\n}\n");
        }
        sb.append(".:5353 {\n    bufsize 1232\n    errors\n    log . {\n        class error\n    }\n");
        sb.append("    health {\n        lameduck 20s\n    }\n    ready\n");
        sb.append("    kubernetes ").append(clusterDomain).append(" in-addr.arpa ip6.arpa {\n");
        sb.append("        pods insecure\n        fallthrough in-addr.arpa ip6.arpa\n    }\n");
        sb.append("    prometheus 127.0.0.1:9153\n");
        sb.append("    forward . /etc/resolv.conf {\n        policy sequential\n    }\n");
        sb.append("    cache 900 {\n        denial 9984 30\n    }\n    reload\n}\n");
        sb.append("hostname.bind:5353 {\n    chaos\n}\n");
        return sb.toString();
    }
}
