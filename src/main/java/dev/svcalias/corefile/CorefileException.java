package dev.svcalias.corefile;

/** A Corefile svcalias will not edit; the message is one line saying what is wrong and how to fix it. */
public class CorefileException extends RuntimeException {
    public CorefileException(String message) {
        super(message);
    }
}
