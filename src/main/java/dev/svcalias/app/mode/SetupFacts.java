package dev.svcalias.app.mode;

import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.cluster.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What svcalias found out about the cluster's DNS and mesh, with the evidence, for {@code --mode auto} and for
 * status. Never changes anything: DNS capture and ambient are reported, never turned on.
 *
 * @param istiocoredns "istio-system/istiocoredns ClusterIP 10.96.100.53", empty when there is none
 * @param istiod       "Deployment istio-system/istiod (image ...)" or "Service istio-system/istiod", empty when none
 * @param dnsCapture   true/false from the mesh config's defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE,
 *                     empty without Istio's mesh ConfigMap
 * @param ambient      "DaemonSet istio-system/ztunnel", empty when Istio's ambient mode is not installed
 */
public record SetupFacts(Optional<String> istiocoredns, Optional<String> istiod, Optional<Boolean> dnsCapture,
                         String meshConfig, Optional<String> ambient) {
    private static final Pattern CAPTURE = Pattern.compile(
            "(?m)^\\s*ISTIO_META_DNS_CAPTURE\\s*:\\s*[\"']?(true|false)[\"']?\\s*$");

    public static SetupFacts detect(Cluster cluster, ClusterLayout layout, DnsChain chain) {
        String ns = layout.istioNamespace();
        Optional<String> istiocoredns = chain.istiocorednsIp().map(ip -> "Service " + ns + "/"
                + layout.istioCorednsService() + " ClusterIP " + ip);
        Optional<String> istiod = cluster.services().deploymentImage(ns, "istiod", null)
                .map(image -> "Deployment " + ns + "/istiod (image " + image + ")")
                .or(() -> cluster.services().service(ns, "istiod").map(s -> "Service " + ns + "/istiod"));
        String meshConfig = "configmap " + ns + "/istio (mesh)";
        Optional<Boolean> capture = cluster.services().configMapValue(ns, "istio", "mesh").map(SetupFacts::capture);
        Optional<String> ambient = cluster.services().daemonSetExists(ns, "ztunnel")
                ? Optional.of("DaemonSet " + ns + "/ztunnel") : Optional.empty();
        return new SetupFacts(istiocoredns, istiod, capture, meshConfig, ambient);
    }

    /** ISTIO_META_DNS_CAPTURE in the mesh config text (YAML); off unless it says "true". */
    static boolean capture(String mesh) {
        var m = CAPTURE.matcher(mesh);
        return m.find() && m.group(1).equals("true");
    }

    /** --mode auto: istiocoredns if it exists, else istio if istiod exists, else coredns. */
    public ModeName auto() {
        if (istiocoredns.isPresent()) {
            return ModeName.ISTIOCOREDNS;
        }
        return istiod.isPresent() ? ModeName.ISTIO : ModeName.COREDNS;
    }

    /** One line per fact, for status and init's notes. */
    public List<String> evidence() {
        List<String> lines = new ArrayList<>();
        lines.add("istiocoredns: " + istiocoredns.orElse("none"));
        lines.add("istiod: " + istiod.orElse("none"));
        if (istiod.isPresent()) {
            lines.add("sidecar DNS capture: " + dnsCapture.map(c -> c ? "on" : "off").orElse("off") + " ("
                    + dnsCapture.map(c -> "ISTIO_META_DNS_CAPTURE in " + meshConfig).orElse(meshConfig + " not found")
                    + "; pods may still set it in proxy.istio.io/config)");
            lines.add("ambient (ztunnel DNS proxy): " + ambient.orElse("none"));
        }
        return lines;
    }
}
