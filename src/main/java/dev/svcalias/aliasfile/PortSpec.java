package dev.svcalias.aliasfile;

/** A ServiceEntry port from the file; {@code name} and {@code protocol} may be null (derived when written). */
public record PortSpec(int number, String name, String protocol) {}
