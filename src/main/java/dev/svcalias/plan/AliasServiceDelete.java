package dev.svcalias.plan;

import dev.svcalias.cluster.AliasService;

/** Delete an alias's ExternalName Service (conditional on the resourceVersion read). */
public record AliasServiceDelete(AliasService service, String summary) implements Change {
    @Override
    public String target() {
        return "service " + service.namespace() + "/" + service.name();
    }
}
