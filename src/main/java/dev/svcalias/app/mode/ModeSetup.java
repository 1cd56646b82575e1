package dev.svcalias.app.mode;

import dev.svcalias.plan.Change;
import java.util.List;
import java.util.Map;

/**
 * A mode's writes for init, and the facts it reports about them (istiocoredns mode: istiocoredns's ClusterIP and
 * CoreDNS version, in the order init's JSON/YAML prints them; empty for the others).
 */
public record ModeSetup(List<Change> changes, Map<String, String> facts) {}
