package dev.svcalias.cluster;

import java.util.List;
import java.util.Map;

/** Istio VirtualServices (networking.istio.io), served version found by discovery: istio mode's alias routes. */
public interface VirtualServices {
    /** Whether the API server serves VirtualServices at all (Istio's CRDs installed). */
    boolean served();

    /** Every VirtualService in every namespace (a foreign one may already route the alias host). */
    List<VirtualServiceRecord> listAll();

    /**
     * Creates ({@code expectedResourceVersion == null}) or replaces the object described by {@code manifest}
     * (apiVersion, kind, metadata, spec as plain maps); a replace is conditional on the resourceVersion read.
     * A create that finds the object, or a replace that finds it changed or gone, is a ConflictException.
     */
    VirtualServiceRecord apply(Map<String, Object> manifest, String expectedResourceVersion);

    /** Deletes only if the object still has {@code expectedResourceVersion}; gone already counts as done. */
    void delete(String namespace, String name, String expectedResourceVersion);
}
