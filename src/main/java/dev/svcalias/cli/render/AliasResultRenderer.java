package dev.svcalias.cli.render;

import dev.svcalias.app.usecase.AliasResult;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import dev.svcalias.output.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** AliasResult as a table (for people) or as data (json/yaml, for scripts). */
public record AliasResultRenderer(AliasResult result) implements Printable {
    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alias", result.alias());
        data.put("host", result.host());
        data.put("target", result.target());
        data.put("address", result.address());
        data.put("namespace", result.namespace());
        data.put("status", result.status());
        return data;
    }

    @Override
    public String toText(Style style) {
        return new Table("ALIAS", "TARGET", "ADDRESS", "NAMESPACE", "STATUS")
                .row(result.host(), result.target(), result.address(), result.namespace(), result.status()).render();
    }
}
