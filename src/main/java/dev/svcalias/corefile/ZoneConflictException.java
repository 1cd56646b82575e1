package dev.svcalias.corefile;

/** A server block svcalias does not own already serves the zone on the port svcalias would use. */
public class ZoneConflictException extends CorefileException {
    public ZoneConflictException(String message) {
        super(message);
    }
}
