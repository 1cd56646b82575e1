package dev.svcalias.cluster;

import java.util.List;
import java.util.Map;

/**
 * A ServiceEntry as svcalias sees it: identity, hosts, addresses, and its labels/annotations
 * (which tell whether svcalias manages it and what its target is).
 */
public record ServiceEntryRecord(String namespace, String name, String resourceVersion, List<String> hosts,
                                 List<String> addresses, Map<String, String> labels,
                                 Map<String, String> annotations) {}
