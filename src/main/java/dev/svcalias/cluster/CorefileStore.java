package dev.svcalias.cluster;

import java.util.Optional;

/** Reads and conditionally writes the Corefile key of a ConfigMap. */
public interface CorefileStore {
    /** Annotation holding the Corefile as it was before svcalias's first edit. */
    String BACKUP_ANNOTATION = "svcalias.dev/original-corefile";

    /** Empty when the ConfigMap does not exist; a ConfigMap without the key is an error (exit 5). */
    Optional<CorefileSnapshot> read(ConfigMapRef ref);

    /**
     * Replaces the Corefile, conditional on {@code read.resourceVersion()}. Before the first edit (no backup yet)
     * it stores {@code read.corefile()} in {@link #BACKUP_ANNOTATION}; with {@code dropBackup} it removes the
     * annotation (used by reset once the original is back). Throws {@link ConflictException} on a 409.
     */
    CorefileSnapshot write(CorefileSnapshot read, String newCorefile, boolean dropBackup);

    /** The ConfigMap exists but has no Corefile key: exit 5, whichever client read it. */
    static dev.svcalias.error.SvcaliasException missingKey(ConfigMapRef ref) {
        return dev.svcalias.error.SvcaliasException.state(ref + " has no key '" + ref.key() + "'", "check that it is "
                + "CoreDNS's ConfigMap: kubectl get configmap -n " + ref.namespace() + " " + ref.name() + " -o yaml");
    }

    /** A write is conditional on what was read, so a snapshot without its resourceVersion is a bug in the caller. */
    static void requireReadVersion(CorefileSnapshot read) {
        if (read.resourceVersion() == null || read.resourceVersion().isEmpty()) {
            throw new IllegalArgumentException("a Corefile write needs the resourceVersion it was read at");
        }
    }
}
