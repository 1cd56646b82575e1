package dev.svcalias.plan;

import dev.svcalias.cluster.AliasService;

/** Create ({@code previous == null}) or replace an alias's ExternalName Service. */
public record AliasServicePut(AliasService service, AliasService previous, String summary) implements Change {
    @Override
    public String target() {
        return "service " + service.namespace() + "/" + service.name();
    }
}
