package dev.svcalias.cli;

import dev.svcalias.error.SvcaliasException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --file F, or standard input when absent. */
final class CorefileInput {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The Corefile (default: standard input).")
    Path file;

    String read(CliContext context) {
        try {
            byte[] bytes = file == null ? context.env.stdin().readAllBytes() : Files.readAllBytes(file);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw SvcaliasException.usage("--file " + file + " does not exist", "check the path");
        } catch (IOException e) {
            throw SvcaliasException.usage("cannot read " + (file == null ? "standard input" : file) + ": "
                    + e.getMessage(), "check the file and its permissions");
        }
    }

    /** Prefixes engine errors with the file name so the line/column can be found. */
    String name() {
        return file == null ? "<stdin>" : file.toString();
    }
}
