package dev.svcalias.cli.render;

import dev.svcalias.app.usecase.AliasCheck;
import dev.svcalias.app.usecase.VerifyResult;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** VerifyResult as a table (for people) or as data (json/yaml, for scripts). */
public record VerifyResultRenderer(VerifyResult result) implements Printable {
    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domain", result.domain());
        data.put("nameserver", result.nameserver());
        data.put("passed", result.passed());
        data.put("chainProblems", result.chainProblems());
        data.put("aliases", items(result.checks()));
        if (!result.meshedNameserver().isEmpty()) {
            data.put("meshedNameserver", result.meshedNameserver());
            data.put("meshed", items(result.meshedChecks()));
        }
        return data;
    }

    private static List<Object> items(List<AliasCheck> checks) {
        List<Object> items = new ArrayList<>();
        for (AliasCheck c : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alias", c.host());
            m.put("target", c.target());
            m.put("expectedA", c.expectedA());
            m.put("a", answer(c.a()));
            m.put("aaaa", answer(c.aaaa()));
            m.put("passed", c.passed());
            m.put("diagnosis", c.diagnosis());
            items.add(m);
        }
        return items;
    }

    private static Map<String, Object> answer(DnsAnswer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rcode", a.rcode());
        m.put("addresses", a.addresses());
        return m;
    }

    @Override
    public String toText(Style style) {
        StringBuilder sb = new StringBuilder();
        table(sb, result.checks(), style);
        if (!result.meshedNameserver().isEmpty()) {
            sb.append("\nThrough the mesh's DNS proxy (").append(result.meshedNameserver()).append("):\n");
            table(sb, result.meshedChecks(), style);
        }
        for (String p : result.chainProblems()) {
            sb.append(style.warning("chain: ")).append(p).append('\n');
        }
        return sb.toString();
    }

    private void table(StringBuilder sb, List<AliasCheck> checks, Style style) {
        if (checks.isEmpty()) {
            sb.append("No aliases in zone ").append(result.domain()).append(" to verify.\n");
        } else {
            Table table = new Table("ALIAS", "EXPECTED A", "A", "AAAA", "RESULT");
            for (AliasCheck c : checks) {
                table.row(c.host(), c.expectedA(), c.a().describe(), c.aaaa().describe(),
                        c.passed() ? style.ok("ok") : style.failure("FAIL"));
            }
            sb.append(table.render());
            for (AliasCheck c : checks) {
                if (!c.passed()) {
                    sb.append(c.host()).append(": ").append(c.diagnosis()).append('\n');
                }
            }
        }
    }
}
