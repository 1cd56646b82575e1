package dev.svcalias.app.usecase;

import dev.svcalias.error.ExitCode;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every alias's step and outcome in one cluster, for apply and diff. */
public record ApplyResult(String cluster, boolean written, List<AliasOutcome> outcomes) implements Printable {

    public List<AliasStep> steps() {
        return outcomes.stream().map(AliasOutcome::step).toList();
    }

    /** Steps of this action that went through (or would, in a dry run); failed ones count as failed only. */
    public long count(Action action) {
        return outcomes.stream().filter(o -> o.ok() && o.step().action() == action).count();
    }

    public long failed() {
        return outcomes.stream().filter(o -> !o.ok()).count();
    }

    public boolean changes() {
        return outcomes.stream().anyMatch(o -> o.step().writes());
    }

    /** apply: 0, or 7 when any alias failed. */
    public int applyExitCode() {
        return failed() > 0 ? ExitCode.INCOMPLETE.code() : 0;
    }

    /** diff, like kubectl diff: 0 no changes, 1 changes, 7 (above 1) when some alias cannot be applied. */
    public int diffExitCode() {
        return failed() > 0 ? ExitCode.INCOMPLETE.code() : changes() ? 1 : 0;
    }

    public String summary() {
        String verb = written ? "" : "to ";
        return count(Action.CREATE) + " " + verb + "create, " + count(Action.UPDATE) + " " + verb + "update, "
                + count(Action.DELETE) + " " + verb + "delete, " + count(Action.UNCHANGED) + " unchanged, "
                + failed() + " failed";
    }

    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", cluster);
        data.put("dryRun", !written);
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Action a : List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.UNCHANGED)) {
            counts.put(a.name().toLowerCase(java.util.Locale.ROOT), count(a));
        }
        counts.put("failed", failed());
        data.put("summary", counts);
        List<Object> items = new ArrayList<>();
        for (AliasOutcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alias", o.step().host());
            m.put("target", o.step().target());
            m.put("objects", o.step().objects());
            m.put("action", o.step().action().name().toLowerCase(java.util.Locale.ROOT));
            m.put("ok", o.ok());
            m.put("result", o.result());
            items.add(m);
        }
        data.put("aliases", items);
        return data;
    }

    @Override
    public String toText(Style style) {
        Table table = new Table("ALIAS", "TARGET", "ACTION", "RESULT");
        for (AliasOutcome o : outcomes) {
            AliasStep s = o.step();
            String detail = s.action() == Action.UPDATE || s.action() == Action.DELETE ? " (" + s.detail() + ")" : "";
            table.row(s.host(), s.target(), s.action().name().toLowerCase(java.util.Locale.ROOT),
                    o.ok() ? style.ok(o.result()) + detail : style.failure("failed: " + o.result()));
        }
        return (outcomes.isEmpty() ? "No aliases in the file or the cluster.\n" : table.render())
                + summary() + "\n";
    }
}
