package dev.svcalias;

import dev.svcalias.cli.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run for the launcher's JDK 25 AOT cache (src/dist/launcher.sh): runs the commands listed in a
 * file, one per line (words split on spaces, # comments), in this one JVM, so that the cache holds the classes
 * of all of them. JDK 25 records one run per cache, hence one JVM for many commands. Output is discarded; the
 * exit codes are printed so that a broken training shows.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AotTraining COMMANDS_FILE");
        }
        List<String> commands = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (String command : commands) {
            System.setOut(discard);
            System.setErr(discard);
            int code;
            try {
                code = Cli.run(command.split(" +"));
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            out.println("trained: svcalias " + command + " (exit " + code + ")");
        }
    }
}
