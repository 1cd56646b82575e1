package dev.svcalias.app.usecase;

import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What reset did (or would do). */
public record ResetResult(Plan plan, boolean dryRun, List<String> notes) implements Printable {
    @Override
    public Object toData() {
        List<Object> changes = new ArrayList<>();
        for (Change c : plan.effective().changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", c.target());
            m.put("change", c.summary());
            changes.add(m);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dryRun", dryRun);
        data.put("changes", changes);
        data.put("notes", notes);
        return data;
    }

    @Override
    public String toText(Style style) {
        if (plan.isEmpty()) {
            return "Nothing to reset: no svcalias changes found.\n";
        }
        Table table = new Table("TARGET", "CHANGE", "STATUS");
        for (Change c : plan.effective().changes()) {
            table.row(c.target(), c.summary(), dryRun ? "would change (dry run)" : "done");
        }
        return table.render();
    }
}
