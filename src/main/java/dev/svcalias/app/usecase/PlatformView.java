package dev.svcalias.app.usecase;

import dev.svcalias.app.zone.KubeDnsSide;
import dev.svcalias.app.zone.PlatformSetup;
import dev.svcalias.platform.Evidence;
import java.util.List;

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
}
