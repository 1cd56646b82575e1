package dev.svcalias.cli;

import dev.svcalias.aliasfile.AliasFile;
import dev.svcalias.aliasfile.AliasFileParser;
import dev.svcalias.error.Echo;
import dev.svcalias.error.SvcaliasException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        String name = "-".equals(file) ? "<stdin>" : file;
        byte[] bytes;
        try {
            if (!"-".equals(file) && Files.isDirectory(Path.of(file))) {
                throw SvcaliasException.usage(Echo.quoted(file) + " is a directory", "give the alias file's path");
            }
            bytes = "-".equals(file) ? context.env.stdin().readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw SvcaliasException.usage("alias file " + Echo.quoted(file) + " does not exist", "check the path");
        } catch (AccessDeniedException e) {
            throw SvcaliasException.usage("cannot read alias file " + Echo.quoted(file) + ": permission denied",
                    "check the file's permissions");
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            throw SvcaliasException.usage("cannot read alias file " + Echo.quoted(name) + ": " + e.getMessage(),
                    "check the path");
        }
        return AliasFileParser.parse(name, decode(name, bytes));
    }

    /** Strict UTF-8 (YAML's and JSON's encoding): anything else is named, not reported as "Input length = 1". */
    static String decode(String name, byte[] bytes) {
        // a byte-order mark, or ASCII text with a NUL before or after each character
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == 0) != (bytes[1] == 0));
        if (utf16) {
            throw SvcaliasException.usage(name + " is UTF-16; alias files are UTF-8", "save it as UTF-8 "
                    + "(e.g. iconv -f UTF-16 -t UTF-8)");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw SvcaliasException.usage(name + " is binary (a NUL byte at offset " + i + "), not YAML or JSON",
                        "give the alias file (see docs/apply.md)");
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) { // the buffer stops at the first byte that is not UTF-8
            int at = in.position();
            throw SvcaliasException.usage(name + " is not UTF-8 (byte 0x" + String.format("%02X", bytes[at] & 0xFF)
                    + " at offset " + at + "; Latin-1 or another legacy encoding?)", "save it as UTF-8 "
                    + "(e.g. iconv -f LATIN1 -t UTF-8)");
        }
        return out.flip().toString();
    }
}
