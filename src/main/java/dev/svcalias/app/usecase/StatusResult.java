package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasView;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Output of svcalias status. */
public record StatusResult(String cluster, String clusterDomain, List<Zone> zones, boolean kubeDnsReload,
                           boolean istioReload, String kubeDnsImage, String istiocorednsImage, String istiocorednsIp,
                           List<AliasView> aliases, List<String> problems, List<String> detected,
                           String autoMode, PlatformView platform) implements Printable {

    /**
     * A zone svcalias set up: the mode recorded in kube-dns's Corefile, where kube-dns forwards it (istiocoredns,
     * or its own root block) and, in istiocoredns mode, where istiocoredns sends it.
     */
    public record Zone(String domain, String mode, String kubeDnsForwardsTo, String istioRoutesTo) {}

    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", cluster);
        data.put("clusterDomain", clusterDomain);
        data.put("platform", platform.toData());
        List<Object> zs = new ArrayList<>();
        for (Zone z : zones) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", z.domain());
            m.put("mode", z.mode());
            m.put("kubeDnsForwardsTo", z.kubeDnsForwardsTo());
            m.put("istiocorednsRoutesTo", z.istioRoutesTo());
            zs.add(m);
        }
        data.put("zones", zs);
        data.put("detected", Map.of("facts", detected, "autoMode", autoMode));
        data.put("kubeDns", Map.of("image", kubeDnsImage, "reload", kubeDnsReload));
        data.put("istiocoredns", Map.of("image", istiocorednsImage, "clusterIP", istiocorednsIp, "reload", istioReload));
        data.put("aliases", ((AliasListResult) new AliasListResult(aliases)).toData());
        data.put("problems", problems);
        return data;
    }

    @Override
    public String toText(Style style) {
        StringBuilder sb = new StringBuilder();
        sb.append("Cluster:        ").append(cluster).append('\n');
        sb.append("Cluster domain: ").append(clusterDomain).append('\n');
        sb.append(platform.toText());
        sb.append("kube-dns:       ").append(orUnknown(kubeDnsImage)).append(kubeDnsReload ? "" : " (no reload plugin)")
                .append('\n');
        sb.append("istiocoredns:   ").append(orUnknown(istiocorednsImage)).append(", ClusterIP ")
                .append(orUnknown(istiocorednsIp)).append(istioReload ? "" : " (no reload plugin)").append('\n');
        sb.append("Detected:       ").append(String.join("\n                ", detected)).append('\n');
        sb.append("Auto mode:      ").append(autoMode).append("\n\n");
        if (!zones.isEmpty()) {
            Table t = new Table("ZONE", "MODE", "KUBE-DNS FORWARDS TO", "ISTIOCOREDNS ROUTES TO");
            zones.forEach(z -> t.row(z.domain(), z.mode(), z.kubeDnsForwardsTo(), orUnknown(z.istioRoutesTo())));
            sb.append(t.render()).append('\n');
        }
        sb.append(new AliasListResult(aliases).toText(style));
        if (!problems.isEmpty()) {
            sb.append('\n').append(style.heading("Problems:")).append('\n');
            problems.forEach(p -> sb.append("- ").append(p).append('\n'));
        }
        return sb.toString();
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "<none>" : s;
    }
}
