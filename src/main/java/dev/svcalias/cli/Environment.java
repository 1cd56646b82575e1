package dev.svcalias.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.Map;

/**
 * What the CLI reads from the process around it, passed in so tests can set it: environment variables,
 * standard input, and whether stdout is a terminal (colour and spinners only then).
 */
public record Environment(Map<String, String> variables, InputStream stdin, boolean interactive) {
    public static Environment system() {
        return new Environment(System.getenv(), StandardInput.system(), terminal(System.console()));
    }

    /**
     * Whether stdin and stdout are a terminal. From JDK 22 System.console() is never null, even when piped;
     * Console.isTerminal() (JDK 22+, so looked up by name on a release-17 build) then tells.
     */
    static boolean terminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console exists only on a terminal
        }
    }

    public String get(String name) {
        return variables.get(name);
    }
}
