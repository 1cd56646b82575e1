package dev.svcalias.plan;

import dev.svcalias.cluster.AliasService;
import dev.svcalias.output.UnifiedDiff;
import dev.svcalias.output.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The ordered writes of one command. Empty when everything is already as asked (idempotent re-runs). */
public record Plan(List<Change> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }

    public static Plan of(Change... changes) {
        return new Plan(List.of(changes));
    }

    /** Only the changes that would write something. */
    public Plan effective() {
        List<Change> kept = new ArrayList<>();
        for (Change c : changes) {
            boolean writes = c instanceof CorefileChange cc ? cc.changesText()
                    : c instanceof ConfigMapKeyChange kc ? kc.changesSomething()
                    : c instanceof ChartValuesChange vc ? vc.changesSomething()
                    : !(c instanceof OperatorServerChange oc) || oc.changesSomething();
            if (writes) {
                kept.add(c);
            }
        }
        return new Plan(kept);
    }

    public boolean isEmpty() {
        return effective().changes.isEmpty();
    }

    /** What --dry-run prints: unified diffs for Corefiles, YAML for ServiceEntries. */
    public String dryRunText() {
        StringBuilder sb = new StringBuilder();
        for (Change c : effective().changes) {
            if (c instanceof CorefileChange cc) {
                String label = cc.before().ref().namespace() + "/" + cc.before().ref().name() + " ("
                        + cc.before().ref().key() + ")";
                sb.append(UnifiedDiff.diff(cc.before().corefile(), cc.after(), "a/" + label, "b/" + label));
            } else if (c instanceof ServiceEntryPut put) {
                sb.append("# ").append(put.previous() == null ? "create " : "replace ").append(put.target())
                        .append('\n').append("---\n").append(Yaml.write(put.manifest()));
            } else if (c instanceof ConfigMapKeyChange kc) {
                String label = kc.before().ref().namespace() + "/" + kc.before().ref().name() + " ("
                        + kc.before().ref().key() + ")";
                sb.append(kc.before().exists() ? "" : "# create configmap " + label.replaceFirst(" .*", "") + "\n")
                        .append(UnifiedDiff.diff(kc.before().value().orElse(""), kc.edit().value().orElse(""),
                                "a/" + label, "b/" + label));
            } else if (c instanceof ChartValuesChange vc) {
                String label = vc.before().namespace() + "/" + vc.before().name() + " (valuesContent)";
                sb.append(vc.before().exists() ? "" : "# create " + vc.target() + "\n")
                        .append(UnifiedDiff.diff(vc.before().valuesContent().orElse(""), vc.edit().value().orElse(""),
                                "a/" + label, "b/" + label));
            } else if (c instanceof OperatorServerChange oc) {
                String label = oc.target() + " (spec.servers)";
                sb.append(UnifiedDiff.diff(OperatorServersText.render(oc.before().servers()),
                        OperatorServersText.render(OperatorServersText.apply(oc.before().servers(), oc.serverName(),
                                oc.after())), "a/" + label, "b/" + label));
            } else if (c instanceof AliasServicePut put) {
                sb.append("# ").append(put.previous() == null ? "create " : "replace ").append(put.target())
                        .append('\n').append("---\n").append(Yaml.write(manifest(put.service())));
            } else if (c instanceof VirtualServicePut put) {
                sb.append("# ").append(put.previous() == null ? "create " : "replace ").append(put.target())
                        .append('\n').append("---\n").append(Yaml.write(put.manifest()));
            } else if (c instanceof NamespaceCreate ns) {
                sb.append("# create ").append(ns.target()).append('\n');
            } else {
                sb.append("# delete ").append(c.target()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The ExternalName Service as kubectl would show it (what svcalias sends, minus server fields). */
    public static Map<String, Object> manifest(AliasService s) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", s.name());
        meta.put("namespace", s.namespace());
        meta.put("labels", new TreeMap<>(s.labels()));
        meta.put("annotations", new TreeMap<>(s.annotations()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "ExternalName");
        spec.put("externalName", s.externalName());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "v1");
        m.put("kind", "Service");
        m.put("metadata", meta);
        m.put("spec", spec);
        return m;
    }
}
