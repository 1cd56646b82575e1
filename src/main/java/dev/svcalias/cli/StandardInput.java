package dev.svcalias.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's standard input, or a stream that says it is closed. When svcalias is started with stdin closed
 * ({@code <&-}), the JVM's first opened file (its modules image, the jar) takes descriptor 0, and reading stdin
 * would read that file. On Linux /proc/self/fd/0 shows it; elsewhere stdin is taken as it is.
 */
final class StandardInput {
    private StandardInput() {}

    static InputStream system() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/0"));
            if (ownFile(target)) {
                return new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("standard input is closed");
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        throw new IOException("standard input is closed");
                    }
                };
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc (not Linux): nothing to detect
        }
        return System.in;
    }

    /** A file of the JVM itself or of svcalias's class path: never what the user piped in. */
    private static boolean ownFile(Path target) {
        if (!target.isAbsolute()) {
            return false; // pipe:[...], socket:[...]
        }
        if (target.startsWith(Path.of(System.getProperty("java.home")))) {
            return true;
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator, -1)) {
            if (!entry.isEmpty() && target.equals(Path.of(entry).toAbsolutePath())) {
                return true;
            }
        }
        return false;
    }
}
