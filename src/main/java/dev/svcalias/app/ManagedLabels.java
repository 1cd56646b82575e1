package dev.svcalias.app;

import dev.svcalias.cluster.ServiceEntryRecord;

/** The labels and annotations that mark a ServiceEntry as svcalias's and record what it points at. */
final class ManagedLabels {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "svcalias";
    static final String ALIAS = "svcalias.dev/alias";
    static final String DOMAIN = "svcalias.dev/domain";
    static final String TARGET = "svcalias.dev/target";
    /** The zone of an ExternalName alias (a label value cannot hold the dots of a zone). */
    static final String ZONE = "svcalias.dev/zone";

    private ManagedLabels() {}

    static boolean managed(ServiceEntryRecord entry) {
        return MANAGER.equals(entry.labels().get(MANAGED_BY));
    }

    static String target(ServiceEntryRecord entry) {
        return entry.annotations().getOrDefault(TARGET, "");
    }
}
