package dev.svcalias.cli;

import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * apply, diff or verify over several kube contexts: each cluster's own result, then one summary table. The exit
 * code is the highest of the clusters' codes (docs/apply.md), so 0 means every cluster is done, and diff's 1
 * (changes) is only reported when no cluster had an error.
 */
record FleetResult(List<ClusterOutcome> clusters) implements Printable {

    public int exitCode() {
        return clusters.stream().mapToInt(ClusterOutcome::exitCode).max().orElse(0);
    }

    @Override
    public Object toData() {
        List<Object> items = new ArrayList<>();
        for (ClusterOutcome c : clusters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("context", c.context());
            m.put("exitCode", c.exitCode());
            if (c.result() != null) {
                m.put("result", c.result().toData());
            } else {
                m.put("error", c.error());
            }
            items.add(m);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exitCode", exitCode());
        data.put("clusters", items);
        return data;
    }

    @Override
    public String toText(Style style) {
        StringBuilder sb = new StringBuilder();
        for (ClusterOutcome c : clusters) {
            sb.append(style.heading("== context " + c.context() + " ==")).append('\n');
            sb.append(c.result() != null ? c.result().toText(style) : style.failure("error: ") + c.error() + "\n");
            sb.append('\n');
        }
        Table table = new Table("CONTEXT", "EXIT", "SUMMARY");
        for (ClusterOutcome c : clusters) {
            table.row(c.context(), c.exitCode() == 0 ? style.ok("0") : style.failure(String.valueOf(c.exitCode())),
                    c.result() != null ? c.summary() : "error: " + c.error());
        }
        return sb.append(table.render()).toString();
    }
}
