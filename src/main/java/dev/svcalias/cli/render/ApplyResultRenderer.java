package dev.svcalias.cli.render;

import dev.svcalias.app.usecase.AliasOutcome;
import dev.svcalias.app.usecase.ApplyResult;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ApplyResult as a table (for people) or as data (json/yaml, for scripts). */
public record ApplyResultRenderer(ApplyResult result) implements Printable {
    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", result.cluster());
        data.put("dryRun", !result.written());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Action a : List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.UNCHANGED)) {
            counts.put(a.name().toLowerCase(java.util.Locale.ROOT), result.count(a));
        }
        counts.put("failed", result.failed());
        data.put("summary", counts);
        List<Object> items = new ArrayList<>();
        for (AliasOutcome o : result.outcomes()) {
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
        for (AliasOutcome o : result.outcomes()) {
            AliasStep s = o.step();
            String detail = s.action() == Action.UPDATE || s.action() == Action.DELETE ? " (" + s.detail() + ")" : "";
            table.row(s.host(), s.target(), s.action().name().toLowerCase(java.util.Locale.ROOT),
                    o.ok() ? style.ok(o.result()) + detail : style.failure("failed: " + o.result()));
        }
        return (result.outcomes().isEmpty() ? "No aliases in the file or the cluster.\n" : table.render())
                + result.summary() + "\n";
    }
}
