package dev.svcalias.cluster;

import java.util.Optional;

/**
 * A Corefile as read from its ConfigMap. The resourceVersion makes the next write conditional;
 * {@code backup} is the original Corefile svcalias saved before its first edit, if any.
 */
public record CorefileSnapshot(ConfigMapRef ref, String resourceVersion, String corefile, Optional<String> backup) {}
