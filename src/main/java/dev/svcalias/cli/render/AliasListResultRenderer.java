package dev.svcalias.cli.render;

import dev.svcalias.app.alias.AliasView;
import dev.svcalias.app.usecase.AliasListResult;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AliasListResult as a table (for people) or as data (json/yaml, for scripts). */
public record AliasListResultRenderer(AliasListResult result) implements Printable {
    @Override
    public Object toData() {
        List<Object> items = new ArrayList<>();
        for (AliasView a : result.aliases()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alias", a.host());
            m.put("target", a.target());
            m.put("address", a.address());
            m.put("namespace", a.namespace());
            m.put("targetClusterIP", a.targetIp().orElse(null));
            m.put("inSync", a.inSync());
            items.add(m);
        }
        return Map.of("aliases", items);
    }

    @Override
    public String toText(Style style) {
        if (result.aliases().isEmpty()) {
            return "No aliases. Add one with: svcalias alias add NAME SERVICE.NAMESPACE\n";
        }
        Table table = new Table("ALIAS", "TARGET", "ADDRESS", "NAMESPACE", "IN-SYNC");
        for (AliasView a : result.aliases()) {
            table.row(a.host(), a.target(), a.address(), a.namespace(),
                    a.inSync() ? style.ok("yes") : style.failure("no: " + a.problem()));
        }
        return table.render();
    }
}
