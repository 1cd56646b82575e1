package dev.svcalias.cli;

import dev.svcalias.error.Echo;
import dev.svcalias.error.SvcaliasException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --file F, or standard input when absent; read as bytes (see {@link CorefileText}). */
final class CorefileInput {
    /** "-" is standard input too, as for apply -f - (not in the help text, which stays as generated elsewhere). */
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The Corefile (default: standard input).")
    Path file;

    /** Every corefile command reads through here first, so -o json/yaml is refused here, before reading. */
    CorefileText read(CliContext context) {
        OfflineArguments.corefileOutput(context);
        if (file != null && file.toString().equals("-")) { // as apply -f -
            file = null;
        }
        if (file != null && file.toString().isEmpty()) {
            throw SvcaliasException.usage("--file is empty", "give the Corefile's path, or leave --file out to "
                    + "read standard input");
        }
        if (file != null && Files.isDirectory(file)) {
            throw SvcaliasException.usage("--file " + Echo.quoted(file.toString()) + " is a directory",
                    "give the Corefile's path");
        }
        try {
            return CorefileText.decode(file == null ? context.env.stdin().readAllBytes() : Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw SvcaliasException.usage("--file " + Echo.quoted(file.toString()) + " does not exist",
                    "check the path");
        } catch (AccessDeniedException e) {
            throw SvcaliasException.usage("cannot read --file " + Echo.quoted(file.toString())
                    + ": permission denied", "check the file's permissions");
        } catch (IOException e) {
            throw SvcaliasException.usage("cannot read " + (file == null ? "standard input" : "--file "
                    + Echo.quoted(file.toString())) + ": " + e.getMessage(), file == null
                    ? "pass the Corefile on standard input or with --file" : "check the file and its permissions");
        }
    }

    /** Writes an edited Corefile to stdout in the bytes of its input. */
    static void write(CliContext context, CorefileText input, String result) {
        context.out.flush();
        try {
            context.stdout.write(input.encode(result));
            context.stdout.flush();
        } catch (IOException e) {
            // CheckedOutput remembered it: Cli ends with exit 6 and says so
        }
    }

    /** Prefixes engine errors with the file name so the line/column can be found. */
    String name() {
        return file == null ? "<stdin>" : Echo.of(file.toString());
    }
}
