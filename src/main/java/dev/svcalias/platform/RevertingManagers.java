package dev.svcalias.platform;

import dev.svcalias.cluster.ObjectFacts;

import dev.svcalias.error.SvcaliasException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Managers that put an object back the way they want it, told by the marks they leave on it:
 * the addon manager ({@code addonmanager.kubernetes.io/mode: Reconcile}, within about a minute), k3s's packaged
 * manifests (label {@code objectset.rio.cattle.io/hash}, at every k3s server start) and Helm (at the next upgrade).
 * The first two make a write pointless: refuse it. Helm's revert waits for an upgrade: warn.
 */
public final class RevertingManagers {
    private RevertingManagers() {}

    /** Refuses (exit 5) when {@code target} is reconciled; otherwise the warnings for it (Helm). */
    public static List<String> check(Optional<ObjectFacts> target, String supportedRoute) {
        if (target.isEmpty()) {
            return List.of();
        }
        ObjectFacts o = target.get();
        if (o.label("addonmanager.kubernetes.io/mode").filter("Reconcile"::equals).isPresent()) {
            throw SvcaliasException.state(o.ref() + " is labelled addonmanager.kubernetes.io/mode=Reconcile: the "
                    + "addon manager puts it back within about a minute, so svcalias will not edit it", supportedRoute);
        }
        // wrangler's apply (k3s's deploy controller) labels what it owns with objectset.rio.cattle.io/hash and
        // annotates it with objectset.rio.cattle.io/applied; either one marks a packaged manifest
        Optional<String> objectSet = o.label("objectset.rio.cattle.io/hash").map(h -> "objectset.rio.cattle.io/hash")
                .or(() -> o.annotation("objectset.rio.cattle.io/applied").map(a -> "objectset.rio.cattle.io/applied"));
        if (objectSet.isPresent()) {
            throw SvcaliasException.state(o.ref() + " comes from k3s's packaged manifests (" + objectSet.get()
                    + "): k3s re-applies it at every server start, so svcalias will not edit it", supportedRoute);
        }
        List<String> warnings = new ArrayList<>();
        Optional<String> release = o.annotation("meta.helm.sh/release-name");
        if (release.isPresent() || o.label("app.kubernetes.io/managed-by").filter("Helm"::equals).isPresent()) {
            warnings.add(o.ref() + " is managed by Helm" + release.map(r -> " (release " + r + ")").orElse("")
                    + ": the next helm upgrade puts it back and drops svcalias's change; carry the same change in "
                    + "the chart's values to keep it");
        }
        return warnings;
    }
}
