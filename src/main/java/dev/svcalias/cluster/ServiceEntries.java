package dev.svcalias.cluster;

import java.util.List;
import java.util.Map;

/** Istio ServiceEntries (networking.istio.io), served version found by discovery. */
public interface ServiceEntries {
    /** The preferred served version (v1 > v1beta1 > v1alpha3); exit 5 when Istio's CRD is not installed. */
    String servedVersion();

    /** Every ServiceEntry in every namespace. */
    List<ServiceEntryRecord> listAll();

    /** Every ServiceEntry labelled as managed by svcalias. */
    List<ServiceEntryRecord> listManaged();

    /**
     * Creates or replaces the object described by {@code manifest} (apiVersion, kind, metadata, spec as plain
     * maps). A replace is conditional on {@code expectedResourceVersion} (null = must not exist yet).
     */
    ServiceEntryRecord apply(Map<String, Object> manifest, String expectedResourceVersion);

    void delete(String namespace, String name);

    /** Deletes only if the object still has {@code expectedResourceVersion}; otherwise a ConflictException. */
    void delete(String namespace, String name, String expectedResourceVersion);
}
