package dev.svcalias.app.alias;


import java.util.List;
import java.util.Optional;

/**
 * How a mode stores aliases. Plans only: the caller applies them (PlanApplier), so dry runs, all-or-nothing
 * application and bulk callers (apply -f, migration) share one code path.
 */
public interface AliasBackend {
    /**
     * The writes that make {@code spec.host()} point at {@code spec.target()}; an empty plan when it already does.
     * A target the mode cannot alias, or an alias pointing elsewhere without {@code force}, is exit 5.
     */
    AliasPlan put(ResolvedAlias spec, boolean force);

    /** The writes that remove the alias; empty when this backend has no such alias. */
    Optional<AliasPlan> remove(String host);

    /** Every alias this backend stores, sorted by host. */
    List<AliasView> list();

    /**
     * What verify reports beyond DNS answers, by alias host: a missing or misdirected mesh route (istio mode's
     * VirtualService). Empty when this mode writes nothing but DNS.
     */
    default java.util.Map<String, String> problems(List<AliasView> aliases, String clusterDomain) {
        return java.util.Map.of();
    }
}
