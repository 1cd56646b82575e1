package dev.svcalias.cli.render;

import dev.svcalias.app.usecase.AliasListResult;
import dev.svcalias.app.usecase.PlatformView;
import dev.svcalias.app.usecase.StatusResult;
import dev.svcalias.app.usecase.StatusResult.Zone;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** StatusResult as a table (for people) or as data (json/yaml, for scripts). */
public record StatusResultRenderer(StatusResult result) implements Printable {
    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", result.cluster());
        data.put("clusterDomain", result.clusterDomain());
        data.put("platform", platformData(result.platform()));
        List<Object> zs = new ArrayList<>();
        for (Zone z : result.zones()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", z.domain());
            m.put("mode", z.mode());
            m.put("kubeDnsForwardsTo", z.kubeDnsForwardsTo());
            m.put("istiocorednsRoutesTo", z.istioRoutesTo());
            zs.add(m);
        }
        data.put("zones", zs);
        data.put("detected", Map.of("facts", result.detected(), "autoMode", result.autoMode()));
        data.put("kubeDns", Map.of("image", result.kubeDnsImage(), "reload", result.kubeDnsReload()));
        data.put("istiocoredns", Map.of("image", result.istiocorednsImage(), "clusterIP", result.istiocorednsIp(), "reload", result.istioReload()));
        data.put("aliases", new AliasListResultRenderer(new AliasListResult(result.aliases())).toData());
        data.put("problems", result.problems());
        return data;
    }

    @Override
    public String toText(Style style) {
        StringBuilder sb = new StringBuilder();
        sb.append("Cluster:        ").append(result.cluster()).append('\n');
        sb.append("Cluster domain: ").append(result.clusterDomain()).append('\n');
        sb.append(platformText(result.platform()));
        sb.append("kube-dns:       ").append(orUnknown(result.kubeDnsImage())).append(result.kubeDnsReload() ? "" : " (no reload plugin)")
                .append('\n');
        sb.append("istiocoredns:   ").append(orUnknown(result.istiocorednsImage())).append(", ClusterIP ")
                .append(orUnknown(result.istiocorednsIp())).append(result.istioReload() ? "" : " (no reload plugin)").append('\n');
        sb.append("Detected:       ").append(String.join("\n                ", result.detected())).append('\n');
        sb.append("Auto mode:      ").append(result.autoMode()).append("\n\n");
        if (!result.zones().isEmpty()) {
            Table t = new Table("ZONE", "MODE", "KUBE-DNS FORWARDS TO", "ISTIOCOREDNS ROUTES TO");
            result.zones().forEach(z -> t.row(z.domain(), z.mode(), z.kubeDnsForwardsTo(), orUnknown(z.istioRoutesTo())));
            sb.append(t.render()).append('\n');
        }
        sb.append(new AliasListResultRenderer(new AliasListResult(result.aliases())).toText(style));
        if (!result.problems().isEmpty()) {
            sb.append('\n').append(style.heading("Problems:")).append('\n');
            result.problems().forEach(p -> sb.append("- ").append(p).append('\n'));
        }
        return sb.toString();
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "<none>" : s;
    }

    private static Map<String, Object> platformData(PlatformView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("detected", !p.overridden());
        m.put("evidence", p.evidence().stream().map(e -> Map.of("where", e.where(), "what", e.what())).toList());
        m.put("writesTo", p.writesTo());
        m.put("nodeLocalDns", p.nodeLocalDns());
        return m;
    }

    private static String platformText(PlatformView p) {
        StringBuilder sb = new StringBuilder();
        sb.append("Platform:       ").append(p.name()).append(" (").append(p.title()).append(p.overridden() ? ", from --platform"
                : ", detected").append(")\n");
        p.evidence().forEach(e -> sb.append("  evidence:     ").append(e).append('\n'));
        sb.append("Zones go to:    ").append(p.writesTo()).append('\n');
        if (!p.nodeLocalDns().isEmpty()) {
            sb.append("NodeLocal DNS:  ").append(p.nodeLocalDns()).append('\n');
        }
        return sb.toString();
    }
}
