package dev.svcalias.cluster;

/** A ready endpoint of a Service: its IP address and the pod behind it (empty when the slice names none). */
public record ServiceEndpoint(String address, String pod) {}
