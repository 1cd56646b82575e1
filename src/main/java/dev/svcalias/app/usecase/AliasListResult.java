package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasView;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** svcalias alias list. */
public record AliasListResult(List<AliasView> aliases) implements Printable {
    public static AliasListResult load(dev.svcalias.cluster.Cluster cluster) {
        return new AliasListResult(AliasView.load(cluster));
    }

    @Override
    public Object toData() {
        List<Object> items = new ArrayList<>();
        for (AliasView a : aliases) {
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
        if (aliases.isEmpty()) {
            return "No aliases. Add one with: svcalias alias add NAME SERVICE.NAMESPACE\n";
        }
        Table table = new Table("ALIAS", "TARGET", "ADDRESS", "NAMESPACE", "IN-SYNC");
        for (AliasView a : aliases) {
            table.row(a.host(), a.target(), a.address(), a.namespace(),
                    a.inSync() ? style.ok("yes") : style.failure("no: " + a.problem()));
        }
        return table.render();
    }
}
