package dev.svcalias.app;

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

/**
 * The writes of the coredns and istio modes (ExternalName Services, their namespace, istio mode's
 * VirtualServices), each returning how to undo
 * it, so a plan that fails half way (a migration, an istio-mode alias) leaves nothing behind.
 */
final class ObjectWrites {
    private final Cluster cluster;

    ObjectWrites(Cluster cluster) {
        this.cluster = cluster;
    }

    Runnable apply(Change change) {
        try {
            return write(change);
        } catch (ConflictException e) {
            throw SvcaliasException.state(change.target() + " was created or changed by someone else while svcalias"
                    + " worked", "run the command again to see the current state");
        }
    }

    private Runnable write(Change change) {
        var services = cluster.aliasServices();
        if (change instanceof AliasServicePut put) {
            AliasService previous = put.previous();
            AliasService written = services.apply(put.service(), previous == null ? null : previous.resourceVersion());
            return previous == null
                    ? () -> services.delete(written.namespace(), written.name(), written.resourceVersion())
                    : () -> services.apply(previous, written.resourceVersion());
        }
        if (change instanceof AliasServiceDelete del) {
            AliasService gone = del.service();
            services.delete(gone.namespace(), gone.name(), gone.resourceVersion());
            return () -> services.apply(new AliasService(gone.namespace(), gone.name(), null, gone.externalName(),
                    gone.labels(), gone.annotations()), null);
        }
        if (change instanceof VirtualServicePut put) {
            return putRoute(put);
        }
        if (change instanceof VirtualServiceDelete del) {
            VirtualServiceRecord gone = del.route();
            cluster.virtualServices().delete(gone.namespace(), gone.name(), gone.resourceVersion());
            return () -> cluster.virtualServices().apply(gone.manifest(), null);
        }
        if (change instanceof NamespaceCreate ns) {
            services.createNamespace(ns.namespace(), ns.labels());
            return () -> services.deleteNamespace(ns.namespace());
        }
        NamespaceDelete ns = (NamespaceDelete) change;
        services.deleteNamespace(ns.namespace());
        return () -> { }; // always the last change of a plan
    }

    /** Undo of a create deletes what was written; of a replace, puts the object read back (both conditional). */
    private Runnable putRoute(VirtualServicePut put) {
        var routes = cluster.virtualServices();
        VirtualServiceRecord previous = put.previous();
        VirtualServiceRecord written = routes.apply(put.manifest(), previous == null ? null : previous.resourceVersion());
        return previous == null
                ? () -> routes.delete(written.namespace(), written.name(), written.resourceVersion())
                : () -> routes.apply(previous.manifest(), written.resourceVersion());
    }
}
