package dev.svcalias.app.usecase;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-alias verdicts of verify, plus the chain problems found in the Corefiles; with --meshed (istio mode) also the
 * verdicts of the same queries through the mesh's DNS proxy ({@code meshedNameserver} empty when not asked).
 */
public record VerifyResult(String domain, String nameserver, List<String> chainProblems, List<AliasCheck> checks,
                           String meshedNameserver, List<AliasCheck> meshedChecks) implements Printable {

    public VerifyResult(String domain, String nameserver, List<String> chainProblems, List<AliasCheck> checks) {
        this(domain, nameserver, chainProblems, checks, "", List.of());
    }

    /** Passes when every alias resolves as expected; with no aliases, when the chain itself is intact. */
    public boolean passed() {
        return (checks.isEmpty() ? chainProblems.isEmpty() : checks.stream().allMatch(AliasCheck::passed))
                && meshedChecks.stream().allMatch(AliasCheck::passed);
    }

    public long failing() {
        return checks.stream().filter(c -> !c.passed()).count()
                + meshedChecks.stream().filter(c -> !c.passed()).count();
    }

    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domain", domain);
        data.put("nameserver", nameserver);
        data.put("passed", passed());
        data.put("chainProblems", chainProblems);
        data.put("aliases", items(checks));
        if (!meshedNameserver.isEmpty()) {
            data.put("meshedNameserver", meshedNameserver);
            data.put("meshed", items(meshedChecks));
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
        table(sb, checks, style);
        if (!meshedNameserver.isEmpty()) {
            sb.append("\nThrough the mesh's DNS proxy (").append(meshedNameserver).append("):\n");
            table(sb, meshedChecks, style);
        }
        for (String p : chainProblems) {
            sb.append(style.warning("chain: ")).append(p).append('\n');
        }
        return sb.toString();
    }

    private void table(StringBuilder sb, List<AliasCheck> checks, Style style) {
        if (checks.isEmpty()) {
            sb.append("No aliases in zone ").append(domain).append(" to verify.\n");
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
