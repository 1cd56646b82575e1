package dev.svcalias.cli;

import java.io.InputStream;
import java.util.Map;

/**
 * What the CLI reads from the process around it, passed in so tests can set it: environment variables,
 * standard input, and whether stdout is a terminal (colour and spinners only then).
 */
public record Environment(Map<String, String> variables, InputStream stdin, boolean interactive) {
    public static Environment system() {
        return new Environment(System.getenv(), StandardInput.system(), System.console() != null);
    }

    public String get(String name) {
        return variables.get(name);
    }
}
