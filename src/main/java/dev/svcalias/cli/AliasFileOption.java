package dev.svcalias.cli;

import dev.svcalias.aliasfile.AliasFile;
import dev.svcalias.aliasfile.AliasFileParser;
import dev.svcalias.error.SvcaliasException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** -f FILE (or -f - for stdin): the alias file of apply, diff and verify, read and validated before connecting. */
final class AliasFileOption {
    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", required = true,
            description = "Alias file (YAML or JSON, see docs/apply.md); - reads standard input.")
    String file;

    AliasFile read(CliContext context) {
        return read(context, file);
    }

    static AliasFile read(CliContext context, String file) {
        String text;
        try {
            text = "-".equals(file) ? new String(context.env.stdin().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw SvcaliasException.usage("cannot read " + file + ": " + e.getMessage(), "check the path");
        }
        return AliasFileParser.parse("-".equals(file) ? "<stdin>" : file, text);
    }
}
