package dev.svcalias.cluster;

import java.util.Map;

/** A ServiceEntry with its whole spec (plain maps and lists), for comparing it with the one a file asks for. */
public record ServiceEntryObject(ServiceEntryRecord record, Map<String, Object> spec) {}
