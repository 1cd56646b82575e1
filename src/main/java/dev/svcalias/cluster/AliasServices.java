package dev.svcalias.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ExternalName Services of the coredns and istio modes, and the namespace that holds them. */
public interface AliasServices {
    /** Every Service in {@code namespace} (ExternalName or not: a foreign one must not be shadowed). */
    List<AliasService> list(String namespace);

    /**
     * Creates the ExternalName Service ({@code expectedResourceVersion} null: it must not exist yet) or replaces
     * it conditionally. Throws {@link ConflictException} when someone else got there first.
     */
    AliasService apply(AliasService service, String expectedResourceVersion);

    /** Deletes it, conditional on its resourceVersion when one is given; a missing Service is no error. */
    void delete(String namespace, String name, String expectedResourceVersion);

    /** The namespace's labels; empty when it does not exist. */
    Optional<Map<String, String>> namespaceLabels(String namespace);

    /** Creates the namespace with these labels; {@link ConflictException} when it exists already. */
    void createNamespace(String namespace, Map<String, String> labels);

    void deleteNamespace(String namespace);
}
