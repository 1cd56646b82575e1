package dev.svcalias.cli.render;

import dev.svcalias.app.usecase.DriftCheck;
import dev.svcalias.app.usecase.VerifyFileResult;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** VerifyFileResult as a table (for people) or as data (json/yaml, for scripts). */
public record VerifyFileResultRenderer(VerifyFileResult result) implements Printable {
    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", result.cluster());
        data.put("nameserver", result.nameserver());
        data.put("passed", result.passed());
        data.put("chainProblems", result.chainProblems());
        List<Object> items = new ArrayList<>();
        for (DriftCheck c : result.checks()) {
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
        for (DriftCheck c : result.checks()) {
            table.row(c.step().host(), c.drift(), c.expectedA(), c.a().describe(), c.aaaa().describe(),
                    c.passed() ? style.ok("ok") : style.failure("FAIL"));
        }
        sb.append(result.checks().isEmpty() ? "No aliases in the file or its domains.\n" : table.render());
        for (DriftCheck c : result.checks()) {
            if (!c.passed()) {
                sb.append(c.step().host()).append(": ").append(c.problem()).append('\n');
            }
        }
        for (String p : result.chainProblems()) {
            sb.append(style.warning("chain: ")).append(p).append('\n');
        }
        return sb.append(result.summary()).append('\n').toString();
    }
}
