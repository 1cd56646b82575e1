package dev.svcalias.corefile;

/**
 * A Corefile svcalias will not edit; the message is one line saying what is wrong and, after its last "; ", how to
 * fix it. {@link #what()} and {@link #hint()} give the two parts for "error: WHAT; fix: HINT".
 */
public class CorefileException extends RuntimeException {
    static final String DEFAULT_HINT = "fix the Corefile by hand, then run svcalias again";

    public CorefileException(String message) {
        super(message);
    }

    /** The message without its advice. */
    public String what() {
        int split = getMessage().lastIndexOf("; ");
        return split < 0 ? getMessage() : getMessage().substring(0, split);
    }

    /** The advice at the end of the message, or a general one when the message has none. */
    public String hint() {
        int split = getMessage().lastIndexOf("; ");
        return split < 0 ? DEFAULT_HINT : getMessage().substring(split + 2);
    }
}
