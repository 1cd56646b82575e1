package dev.svcalias.cli.render;

import dev.svcalias.app.usecase.InitResult;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import dev.svcalias.plan.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** InitResult as a table (for people) or as data (json/yaml, for scripts). */
public record InitResultRenderer(InitResult result) implements Printable {
    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domain", result.domain());
        data.put("clusterDomain", result.clusterDomain());
        data.put("mode", result.mode());
        data.put("detected", result.evidence());
        if (!result.migratedFrom().isEmpty()) {
            data.put("migratedFrom", result.migratedFrom());
            data.put("movedAliases", result.movedAliases());
        }
        data.putAll(result.modeFacts());
        data.put("platform", result.platform());
        data.put("dryRun", result.dryRun());
        List<Object> changes = new ArrayList<>();
        for (Change c : result.plan().changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", c.target());
            m.put("change", c.summary());
            m.put("status", status(c));
            changes.add(m);
        }
        data.put("changes", changes);
        data.put("restarted", result.restarted());
        data.put("warnings", result.warnings());
        return data;
    }

    @Override
    public String toText(Style style) {
        Table table = new Table("TARGET", "CHANGE", "STATUS");
        for (Change c : result.plan().changes()) {
            table.row(c.target(), c.summary(), status(c));
        }
        StringBuilder sb = new StringBuilder("Mode: " + result.mode() + (result.migratedFrom().isEmpty() ? "" : " (migrat"
                + (result.dryRun() ? "ing" : "ed") + " from " + result.migratedFrom() + " mode, " + result.movedAliases() + " alias"
                + (result.movedAliases() == 1 ? "" : "es") + ")") + "\n");
        sb.append(table.render());
        result.restarted().forEach(r -> sb.append("restarted ").append(r).append('\n'));
        if (!result.dryRun() && !result.plan().isEmpty()) {
            sb.append("Next: svcalias alias add NAME SERVICE.NAMESPACE, then svcalias verify\n");
        }
        return sb.toString();
    }

    private String status(Change c) {
        boolean pending = result.plan().effective().changes().contains(c);
        if (!pending) {
            return "unchanged";
        }
        return result.dryRun() ? "would change (dry run)" : "changed";
    }
}
