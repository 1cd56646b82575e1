package dev.svcalias.app;

import dev.svcalias.cluster.ServiceEntryObject;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import dev.svcalias.plan.Manifests;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Desired aliases against the ServiceEntries read from the cluster, as one step per alias host: create, update,
 * delete (only with prune, only managed entries, only in {@code pruneDomains}), unchanged, or failed. Pure: no I/O.
 */
public final class AliasDiff {
    private AliasDiff() {}

    public static List<AliasStep> steps(List<DesiredAlias> desired, List<ServiceEntryObject> observed,
                                        Set<String> pruneDomains) {
        Map<String, ServiceEntryObject> managed = new LinkedHashMap<>();
        Map<String, ServiceEntryObject> foreign = new LinkedHashMap<>();
        for (ServiceEntryObject o : observed) {
            if (ManagedLabels.managed(o.record())) {
                o.record().hosts().stream().findFirst().ifPresent(h -> managed.putIfAbsent(h, o));
            } else {
                o.record().hosts().forEach(h -> foreign.putIfAbsent(h, o));
            }
        }
        List<AliasStep> steps = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (DesiredAlias d : desired) {
            declared.add(d.host());
            steps.add(step(d, Optional.ofNullable(managed.get(d.host())), Optional.ofNullable(foreign.get(d.host()))));
        }
        for (Map.Entry<String, ServiceEntryObject> e : managed.entrySet()) {
            if (!declared.contains(e.getKey()) && inDomains(e.getKey(), e.getValue(), pruneDomains)) {
                steps.add(new AliasStep(e.getKey(), Action.DELETE, ManagedLabels.target(e.getValue().record()),
                        e.getValue(), null, "--prune: not in the file"));
            }
        }
        steps.sort(Comparator.comparing(AliasStep::host));
        return steps;
    }

    private static AliasStep step(DesiredAlias d, Optional<ServiceEntryObject> current,
                                  Optional<ServiceEntryObject> foreign) {
        if (d.problem() != null) {
            return new AliasStep(d.host(), Action.FAILED, d.target(), current.orElse(null), null, d.problem());
        }
        if (foreign.isPresent()) {
            var f = foreign.get().record();
            return new AliasStep(d.host(), Action.FAILED, d.target(), null, null, "host is already declared by "
                    + "ServiceEntry " + f.namespace() + "/" + f.name() + ", which svcalias did not create");
        }
        if (current.isEmpty()) {
            return new AliasStep(d.host(), Action.CREATE, d.target(), null, d.manifest(), "");
        }
        ServiceEntryObject before = current.get();
        if (sameObject(before, d.manifest())) {
            return new AliasStep(d.host(), Action.UNCHANGED, d.target(), before, d.manifest(), "");
        }
        String was = ManagedLabels.target(before.record());
        return new AliasStep(d.host(), Action.UPDATE, d.target(), before, d.manifest(),
                was.equals(d.target()) ? "spec changed" : "re-pointed from " + was);
    }

    @SuppressWarnings("unchecked")
    static boolean sameObject(ServiceEntryObject before, Map<String, Object> manifest) {
        Map<String, Object> meta = (Map<String, Object>) manifest.get("metadata");
        if (!before.record().namespace().equals(meta.get("namespace"))
                || !before.record().name().equals(meta.get("name"))) {
            return false;
        }
        if (!ownedKeysMatch((Map<String, Object>) meta.get("labels"), before.record().labels())
                || !ownedKeysMatch((Map<String, Object>) meta.get("annotations"), before.record().annotations())) {
            return false;
        }
        return Manifests.same(manifest.get("spec"), before.spec());
    }

    /** svcalias's own labels and annotations must match; others' (kubectl, GitOps tools) are left alone. */
    private static boolean ownedKeysMatch(Map<String, Object> wanted, Map<String, String> actual) {
        return wanted == null || wanted.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(actual.get(e.getKey())));
    }

    private static boolean inDomains(String host, ServiceEntryObject entry, Set<String> domains) {
        String label = entry.record().labels().getOrDefault(ManagedLabels.DOMAIN, "");
        return domains.stream().anyMatch(d -> host.endsWith("." + d) && label.equals(d.replace('.', '-')));
    }
}
