package dev.svcalias.app.usecase;

import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import dev.svcalias.plan.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/** What alias add or alias remove did. */
public record AliasResult(String alias, String host, String target, String address, String namespace,
                          String status, Plan plan) implements Printable {
    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alias", alias);
        data.put("host", host);
        data.put("target", target);
        data.put("address", address);
        data.put("namespace", namespace);
        data.put("status", status);
        return data;
    }

    @Override
    public String toText(Style style) {
        return new Table("ALIAS", "TARGET", "ADDRESS", "NAMESPACE", "STATUS")
                .row(host, target, address, namespace, status).render();
    }
}
