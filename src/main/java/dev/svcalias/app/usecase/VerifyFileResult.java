package dev.svcalias.app.usecase;

import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** verify -f: per alias, drift from the file and the DNS answers; passes when nothing drifted and all resolve. */
public record VerifyFileResult(String cluster, String nameserver, List<String> chainProblems,
                               List<DriftCheck> checks) implements Printable {

    public boolean passed() {
        return chainProblems.isEmpty() && checks.stream().allMatch(DriftCheck::passed);
    }

    public String summary() {
        long drifted = checks.stream().filter(c -> !c.drift().equals("in sync")).count();
        long failing = checks.stream().filter(c -> !c.passed()).count();
        return checks.size() + " aliases, " + drifted + " drifted, " + failing + " failing"
                + (chainProblems.isEmpty() ? "" : ", " + chainProblems.size() + " chain problems");
    }

    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", cluster);
        data.put("nameserver", nameserver);
        data.put("passed", passed());
        data.put("chainProblems", chainProblems);
        List<Object> items = new ArrayList<>();
        for (DriftCheck c : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alias", c.step().host());
            m.put("target", c.step().target());
            m.put("drift", c.drift());
            m.put("expectedA", c.expectedA());
            m.put("a", c.a().describe());
            m.put("aaaa", c.aaaa().describe());
            m.put("passed", c.passed());
            m.put("problem", c.problem());
            items.add(m);
        }
        data.put("aliases", items);
        return data;
    }

    @Override
    public String toText(Style style) {
        StringBuilder sb = new StringBuilder();
        Table table = new Table("ALIAS", "DRIFT", "EXPECTED A", "A", "AAAA", "RESULT");
        for (DriftCheck c : checks) {
            table.row(c.step().host(), c.drift(), c.expectedA(), c.a().describe(), c.aaaa().describe(),
                    c.passed() ? style.ok("ok") : style.failure("FAIL"));
        }
        sb.append(checks.isEmpty() ? "No aliases in the file or its domains.\n" : table.render());
        for (DriftCheck c : checks) {
            if (!c.passed()) {
                sb.append(c.step().host()).append(": ").append(c.problem()).append('\n');
            }
        }
        for (String p : chainProblems) {
            sb.append(style.warning("chain: ")).append(p).append('\n');
        }
        return sb.append(summary()).append('\n').toString();
    }
}
