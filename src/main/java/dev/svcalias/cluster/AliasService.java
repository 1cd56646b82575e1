package dev.svcalias.cluster;

import java.util.Map;

/**
 * An ExternalName Service in svcalias's aliases namespace: NAME -> {@code externalName} (the target's in-cluster
 * name). kube-dns's kubernetes plugin answers it with a CNAME and the target's current records.
 * {@code resourceVersion} is null for one not yet written.
 */
public record AliasService(String namespace, String name, String resourceVersion, String externalName,
                           Map<String, String> labels, Map<String, String> annotations) {}
