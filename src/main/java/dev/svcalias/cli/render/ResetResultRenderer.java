package dev.svcalias.cli.render;

import dev.svcalias.app.usecase.ResetResult;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import dev.svcalias.plan.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ResetResult as a table (for people) or as data (json/yaml, for scripts). */
public record ResetResultRenderer(ResetResult result) implements Printable {
    @Override
    public Object toData() {
        List<Object> changes = new ArrayList<>();
        for (Change c : result.plan().effective().changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", c.target());
            m.put("change", c.summary());
            changes.add(m);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dryRun", result.dryRun());
        data.put("changes", changes);
        data.put("notes", result.notes());
        return data;
    }

    @Override
    public String toText(Style style) {
        if (result.plan().isEmpty()) {
            return "Nothing to reset: no svcalias changes found.\n";
        }
        Table table = new Table("TARGET", "CHANGE", "STATUS");
        for (Change c : result.plan().effective().changes()) {
            table.row(c.target(), c.summary(), result.dryRun() ? "would change (dry run)" : "done");
        }
        return table.render();
    }
}
