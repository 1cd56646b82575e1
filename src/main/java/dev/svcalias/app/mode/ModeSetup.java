package dev.svcalias.app.mode;

import dev.svcalias.plan.Change;
import java.util.List;

/**
 * A mode's writes for init and the facts to report: {@code upstream} is where kube-dns sends the zone
 * (istiocoredns's ClusterIP, or its own root block), {@code corednsVersion} istiocoredns's CoreDNS ("" otherwise).
 */
public record ModeSetup(List<Change> changes, String upstream, String corednsVersion) {}
