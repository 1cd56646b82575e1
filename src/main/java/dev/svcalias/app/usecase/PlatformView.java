package dev.svcalias.app.usecase;

import dev.svcalias.app.zone.KubeDnsSide;
import dev.svcalias.app.zone.PlatformSetup;
import dev.svcalias.platform.Evidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform part of status: what was detected (or named by --platform), why, and where the zone goes. */
public record PlatformView(String name, String title, boolean overridden, List<Evidence> evidence, String writesTo,
                           String nodeLocalDns) {
    static PlatformView of(PlatformSetup setup) {
        var d = setup.detection();
        String writesTo = setup.maybeSide().map(KubeDnsSide::describe).orElse("nothing (svcalias cannot configure it)");
        String nodeLocal = d.nodeLocal().map(n -> n.corefile() + " (forwards the zone to " + n.forwardTo() + ")")
                .orElse("");
        return new PlatformView(d.id().flag(), d.id().title(), d.overridden(), d.evidence(), writesTo, nodeLocal);
    }

    Map<String, Object> toData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("detected", !overridden);
        m.put("evidence", evidence.stream().map(e -> Map.of("where", e.where(), "what", e.what())).toList());
        m.put("writesTo", writesTo);
        m.put("nodeLocalDns", nodeLocalDns);
        return m;
    }

    String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Platform:       ").append(name).append(" (").append(title).append(overridden ? ", from --platform"
                : ", detected").append(")\n");
        evidence.forEach(e -> sb.append("  evidence:     ").append(e).append('\n'));
        sb.append("Zones go to:    ").append(writesTo).append('\n');
        if (!nodeLocalDns.isEmpty()) {
            sb.append("NodeLocal DNS:  ").append(nodeLocalDns).append('\n');
        }
        return sb.toString();
    }
}
