package dev.svcalias.app.zone;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.HelmValuesSnapshot;
import dev.svcalias.cluster.ObjectFacts;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ChartValuesChange;
import dev.svcalias.plan.KeyEdit;
import dev.svcalias.platform.ChartImportValues;
import dev.svcalias.platform.RevertingManagers;
import dev.svcalias.platform.ZoneTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * RKE2: svcalias's block goes to a coredns-custom key ({@link CustomServerSide}), and the HelmChartConfig
 * kube-system/rke2-coredns gets the chart values that make rke2-coredns import and mount coredns-custom
 * ({@link ChartImportValues}), unless the chart's Corefile imports it already. The values are removed again with
 * svcalias's last key, unless other keys of coredns-custom still need the import.
 */
final class ChartImportSide implements KubeDnsSide {
    /** The valuesContent before svcalias's first edit, so that removing gives back exactly those bytes. */
    static final String ORIGINAL = "svcalias.dev/original-values-content";
    private final ZoneTarget.ChartImport target;
    private final CustomServerSide keys;
    private final Map<String, String> customData;
    private final HelmValuesSnapshot values;

    ChartImportSide(Cluster cluster, ZoneTarget.ChartImport target, CustomServerSide keys,
                    Map<String, String> customData) {
        this.target = target;
        this.keys = keys;
        this.customData = customData;
        this.values = cluster.helmChartConfigs().read(target.namespace(), target.helmChartConfig());
    }

    @Override
    public String describe() {
        return keys.describe();
    }

    @Override
    public List<ManagedZone> zones() {
        return keys.zones();
    }

    @Override
    public String text() {
        return keys.text();
    }

    @Override
    public Change put(UnaryOperator<String> edit, String summary) {
        return keys.put(edit, summary);
    }

    /** The key change, then (unless the chart imports coredns-custom already) the HelmChartConfig change. */
    @Override
    public List<Change> puts(UnaryOperator<String> edit, String summary) {
        List<Change> changes = new ArrayList<>(List.of(put(edit, summary)));
        if (!target.corefileImports() || ChartImportValues.present(values.valuesContent().orElse(""))) {
            checkWritable();
            changes.add(new ChartValuesChange(values, adding(values), ChartImportSide::adding, "made the "
                    + "rke2-coredns chart import kube-system/coredns-custom (extraConfig.import, extraVolumes, "
                    + "extraVolumeMounts); helm-controller re-renders the Corefile and restarts CoreDNS"));
        }
        return changes;
    }

    @Override
    public List<Change> remove(String domain, List<String> notes) {
        List<Change> changes = new ArrayList<>(keys.remove(domain, notes));
        if (!ChartImportValues.present(values.valuesContent().orElse(""))) {
            return changes;
        }
        Set<String> removed = new java.util.HashSet<>();
        zones().stream().filter(z -> domain == null || z.domain().equals(domain))
                .forEach(z -> removed.add(ZoneTarget.CustomServerKey.keyFor(z.domain())));
        List<String> left = customData.keySet().stream().filter(k -> !removed.contains(k)
                && (k.endsWith(".server") || k.endsWith(".override"))).sorted().toList();
        if (left.isEmpty()) {
            changes.add(new ChartValuesChange(values, removing(values), ChartImportSide::removing,
                    "removed svcalias's coredns-custom import from the rke2-coredns chart values"));
        } else if (domain == null) {
            notes.add(values.ref() + " keeps svcalias's import of coredns-custom: its keys " + String.join(", ", left)
                    + " need it");
        }
        return changes;
    }

    private static KeyEdit adding(HelmValuesSnapshot read) {
        String now = read.valuesContent().orElse("");
        String after;
        try {
            after = ChartImportValues.add(now);
        } catch (IllegalArgumentException e) {
            throw SvcaliasException.state(read.ref() + " cannot take svcalias's import of coredns-custom: "
                    + e.getMessage(), "add extraConfig.import.parameters=" + ChartImportValues.IMPORT + " and the "
                    + "ConfigMap coredns-custom (optional) mounted at " + ChartImportValues.MOUNT + " via extraVolumes"
                    + "/extraVolumeMounts to its valuesContent by hand, then run svcalias init again");
        }
        if (after.equals(now)) {
            return new KeyEdit(read.valuesContent(), Map.of());
        }
        return new KeyEdit(Optional.of(after), Map.of(ORIGINAL, read.valuesContent()));
    }

    private static KeyEdit removing(HelmValuesSnapshot read) {
        String cut = ChartImportValues.remove(read.valuesContent().orElse(""));
        Optional<String> original = Optional.ofNullable(read.annotations().get(ORIGINAL));
        Optional<String> after;
        if (original.map(o -> o.stripTrailing().equals(cut.stripTrailing())).orElse(false)) {
            after = original; // nothing else changed since: give back the exact bytes
        } else if (original.isEmpty() && cut.isBlank()) {
            after = Optional.empty();
        } else {
            after = Optional.of(cut);
        }
        return new KeyEdit(after, Map.of(ORIGINAL, Optional.empty()));
    }

    /** A HelmChartConfig that a manager re-applies (RKE2's manifests directory) would lose the edit: refuse. */
    private void checkWritable() {
        if (!values.exists()) {
            return;
        }
        String route = "add the values by hand to the manifest it comes from (/var/lib/rancher/rke2/server/manifests"
                + "): extraConfig.import.parameters=" + ChartImportValues.IMPORT + ", the ConfigMap coredns-custom "
                + "(optional) mounted at " + ChartImportValues.MOUNT + "; then run svcalias init again";
        RevertingManagers.check(Optional.of(new ObjectFacts("HelmChartConfig", values.namespace(), values.name(),
                values.labels(), values.otherAnnotations(), Map.of(), List.of(), List.of())), route);
        for (String key : List.of("extraConfig", "extraVolumes", "extraVolumeMounts")) {
            if (values.structuredValueKeys().contains(key)) {
                throw SvcaliasException.state(values.ref() + " sets " + key + " in spec.values, which Helm reads "
                        + "after valuesContent and which would replace svcalias's " + key, "move " + key + " from "
                        + "spec.values into spec.valuesContent, then run svcalias init again");
            }
        }
    }
}
