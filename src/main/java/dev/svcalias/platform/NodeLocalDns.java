package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.ObjectFacts;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NodeLocal DNSCache: a DaemonSet node-local-dns whose CoreDNS (node-cache) answers pods on a link-local address
 * and sends only the cluster domain (and reverse zones) to kube-dns; every other zone goes straight upstream
 * (coredns/coredns#3298), so kube-dns never sees svcalias's zone unless node-local-dns's Corefile names it too.
 *
 * @param forwardTo what node-local-dns's own cluster-domain block forwards to: the placeholder
 *                  {@code __PILLAR__CLUSTER__DNS__} (node-cache fills it in) or kube-dns's ClusterIP, as written
 */
public record NodeLocalDns(ConfigMapRef corefile, String forwardTo, List<Evidence> evidence) {
    public static final String CLUSTER_DNS_PLACEHOLDER = "__PILLAR__CLUSTER__DNS__";
    private static final Pattern FORWARD = Pattern.compile("(?m)^\\s*forward\\s+\\.\\s+(\\S+)");

    public static Optional<NodeLocalDns> detect(ClusterFacts facts) {
        Optional<ObjectFacts> daemonSet = facts.daemonSet(WellKnown.KUBE_SYSTEM, WellKnown.NODE_LOCAL_DNS);
        Optional<ObjectFacts> configMap = facts.configMap(WellKnown.KUBE_SYSTEM, WellKnown.NODE_LOCAL_DNS);
        if (daemonSet.isEmpty() || configMap.isEmpty() || !configMap.get().data().containsKey("Corefile")) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(daemonSet.get().ref(), "exists" + daemonSet.get().containers().stream()
                .findFirst().map(c -> ", image " + c.image()).orElse("")));
        evidence.add(new Evidence(configMap.get().ref(), "holds node-local-dns's Corefile"));
        String text = configMap.get().data().get("Corefile");
        return Optional.of(new NodeLocalDns(new ConfigMapRef(WellKnown.KUBE_SYSTEM, WellKnown.NODE_LOCAL_DNS),
                clusterForward(text), List.copyOf(evidence)));
    }

    /** The target of the first non-root block's {@code forward .} (the cluster-domain block comes first). */
    static String clusterForward(String corefile) {
        try {
            Corefiles.parse(corefile);
        } catch (CorefileException e) {
            return CLUSTER_DNS_PLACEHOLDER;
        }
        Matcher m = FORWARD.matcher(corefile);
        String first = null;
        while (m.find()) {
            if (first == null) {
                first = m.group(1);
            }
            if (m.group(1).equals(CLUSTER_DNS_PLACEHOLDER)) {
                return CLUSTER_DNS_PLACEHOLDER;
            }
        }
        return first == null || first.startsWith("/") || first.contains("UPSTREAM") ? CLUSTER_DNS_PLACEHOLDER : first;
    }
}
