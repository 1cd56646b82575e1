package dev.svcalias.cluster;

/** The object changed since it was read (HTTP 409): re-read, re-apply, retry. */
public class ConflictException extends RuntimeException {
    public ConflictException(String what, Throwable cause) {
        super(what + " was changed by someone else since svcalias read it", cause);
    }
}
