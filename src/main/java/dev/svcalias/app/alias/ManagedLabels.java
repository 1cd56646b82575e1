package dev.svcalias.app.alias;

import dev.svcalias.cluster.ServiceEntryRecord;

/** The labels and annotations that mark a ServiceEntry as svcalias's and record what it points at. */
public final class ManagedLabels {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "svcalias";
    static final String ALIAS = "svcalias.dev/alias";
    static final String DOMAIN = "svcalias.dev/domain";
    static final String TARGET = "svcalias.dev/target";
    /** The zone of an ExternalName alias (a label value cannot hold the dots of a zone). */
    static final String ZONE = "svcalias.dev/zone";
    /** The mode that wrote an ExternalName alias: istio mode's has a ServiceEntry and a VirtualService too. */
    static final String MODE = "svcalias.dev/mode";

    private ManagedLabels() {}

    /**
     * A name as a label value (at most 63 characters of a-z, 0-9, '-', '.', '_'): dots become '-' as before; a
     * longer one keeps its first 54 characters and "-" plus 8 hex digits of its SHA-256, so a long multi-label alias
     * or zone never makes the API refuse the object (HTTP 422). Labels are for kubectl -l only; reads use
     * annotations and hosts.
     */
    static String value(String name) {
        String dashed = name.replace('.', '-');
        if (dashed.length() <= 63) {
            return dashed;
        }
        String head = dashed.substring(0, 54).replaceAll("-+$", "");
        return head + AliasServiceNames.suffix(name);
    }

    static boolean managed(ServiceEntryRecord entry) {
        return MANAGER.equals(entry.labels().get(MANAGED_BY));
    }

    public static String target(ServiceEntryRecord entry) {
        return entry.annotations().getOrDefault(TARGET, "");
    }
}
