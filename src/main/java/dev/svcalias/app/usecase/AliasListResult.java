package dev.svcalias.app.usecase;

import dev.svcalias.app.alias.AliasView;
import java.util.List;

/** svcalias alias list. */
public record AliasListResult(List<AliasView> aliases) {
    public static AliasListResult load(dev.svcalias.cluster.Cluster cluster) {
        return new AliasListResult(AliasView.load(cluster));
    }
}
