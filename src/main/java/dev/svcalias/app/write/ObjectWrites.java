package dev.svcalias.app.write;

import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.VirtualServiceRecord;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.NamespaceCreate;
import dev.svcalias.plan.NamespaceDelete;
import dev.svcalias.plan.VirtualServiceDelete;
import dev.svcalias.plan.VirtualServicePut;
import java.util.function.Supplier;

/**
 * The writes of the coredns and istio modes (ExternalName Services, their namespace, istio mode's VirtualServices),
 * each returning its Undo with messages naming the object and what it points at, so a plan that fails half way (a
 * migration, an istio-mode alias) leaves nothing behind, or says exactly what it left.
 */
final class ObjectWrites {
    private final Cluster cluster;

    ObjectWrites(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Runs one write; a 409 means someone else created or changed the object since it was read. */
    Undo conditional(Change change, Supplier<Undo> write) {
        try {
            return write.get();
        } catch (ConflictException e) {
            throw SvcaliasException.state(change.target() + " was created or changed by someone else while svcalias"
                    + " worked", "run the command again to see the current state");
        }
    }

    Undo put(AliasServicePut put) {
        var services = cluster.aliasServices();
        String target = put.target();
        AliasService previous = put.previous();
        AliasService written = services.apply(put.service(), previous == null ? null : previous.resourceVersion());
        if (previous == null) {
            return new Undo("created " + target + " (deleted again)",
                    () -> services.delete(written.namespace(), written.name(), written.resourceVersion()),
                    target + " was created and is still there (it points at " + written.externalName() + ")");
        }
        return new Undo("replaced " + target + " (restored)", () -> services.apply(previous,
                written.resourceVersion()), target + " stays replaced (it points at " + written.externalName()
                + ", it pointed at " + previous.externalName() + " before)");
    }

    Undo delete(AliasServiceDelete del) {
        var services = cluster.aliasServices();
        String target = del.target();
        AliasService gone = del.service();
        services.delete(gone.namespace(), gone.name(), gone.resourceVersion());
        return new Undo("deleted " + target + " (re-created)", () -> services.apply(new AliasService(
                gone.namespace(), gone.name(), null, gone.externalName(), gone.labels(), gone.annotations()), null),
                target + " stays deleted (it pointed at " + gone.externalName() + ")");
    }

    Undo delete(VirtualServiceDelete del) {
        String target = del.target();
        VirtualServiceRecord gone = del.route();
        cluster.virtualServices().delete(gone.namespace(), gone.name(), gone.resourceVersion());
        return new Undo("deleted " + target + " (re-created)",
                () -> cluster.virtualServices().apply(gone.manifest(), null), target + " stays deleted");
    }

    Undo create(NamespaceCreate ns) {
        var services = cluster.aliasServices();
        String target = ns.target();
        services.createNamespace(ns.namespace(), ns.labels());
        return new Undo("created " + target + " (deleted again)", () -> services.deleteNamespace(ns.namespace()),
                target + " was created and is still there");
    }

    Undo delete(NamespaceDelete ns) {
        cluster.aliasServices().deleteNamespace(ns.namespace());
        // always the last change of a plan: nothing after it can fail and need this undone
        return new Undo("deleted " + ns.target(), () -> { }, ns.target() + " stays deleted");
    }

    /** Undo of a create deletes what was written; of a replace, puts the object read back (both conditional). */
    Undo put(VirtualServicePut put) {
        String target = put.target();
        var routes = cluster.virtualServices();
        VirtualServiceRecord previous = put.previous();
        VirtualServiceRecord written = routes.apply(put.manifest(), previous == null ? null : previous.resourceVersion());
        if (previous == null) {
            return new Undo("created " + target + " (deleted again)",
                    () -> routes.delete(written.namespace(), written.name(), written.resourceVersion()),
                    target + " was created and is still there");
        }
        return new Undo("replaced " + target + " (restored)",
                () -> routes.apply(previous.manifest(), written.resourceVersion()), target + " stays replaced");
    }
}
