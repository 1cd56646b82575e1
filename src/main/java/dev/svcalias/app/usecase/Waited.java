package dev.svcalias.app.usecase;

import dev.svcalias.error.SvcaliasException;
import java.util.Optional;

/**
 * A command's result after --wait: what was written, and why waiting for it to take effect failed (empty when it
 * took effect, or when there was nothing to wait for). The command prints {@code result}, then ends with the failure.
 */
public record Waited<T>(T result, Optional<SvcaliasException> failure) {}
