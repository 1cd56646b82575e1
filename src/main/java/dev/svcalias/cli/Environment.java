package dev.svcalias.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the CLI reads from the process around it, passed in so tests can set it: environment variables,
 * standard input, whether stdout is a terminal ({@code interactive}: colour on stdout) and whether stderr is one
 * ({@code stderrTerminal}: colour and the progress line on stderr). Each stream is judged on its own (issue 17,
 * item 18): {@code svcalias ... 2>err.log} on a terminal writes no escape codes into err.log.
 */
public record Environment(Map<String, String> variables, InputStream stdin, boolean interactive,
                          boolean stderrTerminal) {
    private static final Pattern TERMINAL_DEVICE = Pattern.compile("/dev/(pts/\\d+|tty[A-Za-z]*\\d*|console)");

    /** Both streams a terminal or neither. */
    public Environment(Map<String, String> variables, InputStream stdin, boolean interactive) {
        this(variables, stdin, interactive, interactive);
    }

    public static Environment system() {
        return new Environment(System.getenv(), StandardInput.system(), terminal(System.console()),
                stderrIsATerminal());
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

    /**
     * Whether stderr is a terminal. The JDK cannot tell (System.console() looks at stdin and stdout only), so
     * svcalias reads where file descriptor 2 points on Linux, the one platform it is built for; where that cannot
     * be read, stderr counts as no terminal (plain text: an error line stays readable anywhere).
     */
    static boolean stderrIsATerminal() {
        try {
            return terminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A terminal device path: {@code /dev/pts/N}, {@code /dev/ttyN}, {@code /dev/console}. */
    static boolean terminalDevice(String path) {
        return TERMINAL_DEVICE.matcher(path).matches();
    }

    public String get(String name) {
        return variables.get(name);
    }
}
