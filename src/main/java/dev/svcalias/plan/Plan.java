package dev.svcalias.plan;

import dev.svcalias.output.UnifiedDiff;
import dev.svcalias.output.Yaml;
import java.util.ArrayList;
import java.util.List;

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
            } else if (c instanceof OperatorServerChange oc) {
                String label = oc.target() + " (spec.servers)";
                sb.append(UnifiedDiff.diff(OperatorServersText.render(oc.before().servers()),
                        OperatorServersText.render(OperatorServersText.apply(oc.before().servers(), oc.serverName(),
                                oc.after())), "a/" + label, "b/" + label));
            } else if (c instanceof ServiceEntryDelete del) {
                sb.append("# delete ").append(del.target()).append('\n');
            }
        }
        return sb.toString();
    }
}
