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

/**
 * What init did (or, with --dry-run, would do). {@code modeFacts} are what the mode reports of its setup
 * (istiocoredns's ClusterIP and CoreDNS version); {@code migratedFrom} the mode the zone had before ("" when none or
 * the same), {@code movedAliases} how many aliases moved.
 */
public record InitResult(String domain, String clusterDomain, Map<String, String> modeFacts,
                         Plan plan, boolean dryRun, List<String> warnings, List<String> restarted, String mode,
                         String migratedFrom, int movedAliases, List<String> evidence, String platform,
                         boolean revertible)
        implements Printable {

    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domain", domain);
        data.put("clusterDomain", clusterDomain);
        data.put("mode", mode);
        data.put("detected", evidence);
        if (!migratedFrom.isEmpty()) {
            data.put("migratedFrom", migratedFrom);
            data.put("movedAliases", movedAliases);
        }
        data.putAll(modeFacts);
        data.put("platform", platform);
        data.put("dryRun", dryRun);
        List<Object> changes = new ArrayList<>();
        for (Change c : plan.changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", c.target());
            m.put("change", c.summary());
            m.put("status", status(c));
            changes.add(m);
        }
        data.put("changes", changes);
        data.put("restarted", restarted);
        data.put("warnings", warnings);
        return data;
    }

    @Override
    public String toText(Style style) {
        Table table = new Table("TARGET", "CHANGE", "STATUS");
        for (Change c : plan.changes()) {
            table.row(c.target(), c.summary(), status(c));
        }
        StringBuilder sb = new StringBuilder("Mode: " + mode + (migratedFrom.isEmpty() ? "" : " (migrat"
                + (dryRun ? "ing" : "ed") + " from " + migratedFrom + " mode, " + movedAliases + " alias"
                + (movedAliases == 1 ? "" : "es") + ")") + "\n");
        sb.append(table.render());
        restarted.forEach(r -> sb.append("restarted ").append(r).append('\n'));
        if (!dryRun && !plan.isEmpty()) {
            sb.append("Next: svcalias alias add NAME SERVICE.NAMESPACE, then svcalias verify\n");
        }
        return sb.toString();
    }

    private String status(Change c) {
        boolean pending = plan.effective().changes().contains(c);
        if (!pending) {
            return "unchanged";
        }
        return dryRun ? "would change (dry run)" : "changed";
    }
}
