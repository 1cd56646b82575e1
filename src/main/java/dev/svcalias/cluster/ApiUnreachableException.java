package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;

/**
 * The API server could not be reached or its answer never came (refused, reset, timed out): exit 4. After a write
 * this says nothing about whether the write landed, so writers re-read before they report it (LostAnswers).
 */
public final class ApiUnreachableException extends SvcaliasException {
    public ApiUnreachableException(String message, String hint, Throwable cause) {
        super(ExitCode.CLUSTER_ACCESS, message, hint, cause);
    }
}
