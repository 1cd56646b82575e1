package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasView;
import java.util.List;

/** Output of svcalias status. */
public record StatusResult(String cluster, String clusterDomain, List<Zone> zones, boolean kubeDnsReload,
                           boolean istioReload, String kubeDnsImage, String istiocorednsImage, String istiocorednsIp,
                           List<AliasView> aliases, List<String> problems, List<String> detected,
                           String autoMode, PlatformView platform) {
    /**
     * A zone svcalias set up: the mode recorded in kube-dns's Corefile, where kube-dns forwards it (istiocoredns,
     * or its own root block) and, in istiocoredns mode, where istiocoredns sends it.
     */
    public record Zone(String domain, String mode, String kubeDnsForwardsTo, String istioRoutesTo) {}
}
