package dev.svcalias.aliasfile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed and validated alias file: where it came from ("aliases.yaml", "-" for stdin), the file-wide domain
 * (may be null) and the aliases in file order.
 */
public record AliasFile(String source, String domain, List<AliasSpec> aliases) {
    public AliasFile {
        aliases = List.copyOf(aliases);
    }

    /** The domains the file names (file-wide and per item); --prune only touches these. */
    public Set<String> declaredDomains() {
        Set<String> domains = new LinkedHashSet<>();
        if (domain != null) {
            domains.add(domain);
        }
        for (AliasSpec a : aliases) {
            if (a.domain() != null) {
                domains.add(a.domain());
            }
        }
        return domains;
    }
}
